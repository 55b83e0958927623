using System.Security.Cryptography;
using System.Text;
using LicensingPortal.Api.Data;
using LicensingPortal.Api.Domain;
using Microsoft.EntityFrameworkCore;

namespace LicensingPortal.Api.Infrastructure.Transparency;

/// <summary>
/// Recomputes the log from the stored entries and from the records they describe, and names the first entry
/// that does not match: a missing or moved entry, an entry changed after it was written, or a decision,
/// permit or rule set changed after it was logged.
/// </summary>
public sealed class LogVerifier(LicensingDbContext db)
{
    public sealed record Report(bool Valid, long TreeSize, string RootHash, long? FirstBadSequence, string? Problem);

    public async Task<Report> VerifyAsync(CancellationToken cancellationToken)
    {
        var entries = await db.TransparencyLog.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        var decisions = await db.Decisions.AsNoTracking().ToDictionaryAsync(d => d.ApplicationId, cancellationToken);
        var permits = await db.Permits.AsNoTracking().ToDictionaryAsync(p => p.Id, cancellationToken);
        var ruleSets = await db.RuleSetVersions.AsNoTracking().ToDictionaryAsync(v => v.Hash, v => v.Content, cancellationToken);
        var notes = await db.DecisionNotes.AsNoTracking().ToDictionaryAsync(n => n.Id, cancellationToken);
        var head = await db.TransparencyLogHead.AsNoTracking().SingleAsync(cancellationToken);
        var root = Convert.ToHexStringLower(MerkleTree.Root(entries.Select(e => e.LeafHash).ToArray()));

        // Recomputing a million leaf hashes is the bulk of the work: done on every core, reported in log order.
        var hashMatches = new bool[entries.Count];
        Parallel.For(0, entries.Count, i => hashMatches[i] = entries[i].ComputeLeafHash().AsSpan().SequenceEqual(entries[i].LeafHash));

        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var problem = entry.Sequence != i
                ? $"entry {i} is missing or out of place (found entry {entry.Sequence} there)"
                : !hashMatches[i]
                    ? $"entry {i} does not match its leaf hash: it was changed or moved after it was written"
                    : Source(entry, decisions, permits, ruleSets, notes);
            if (problem is not null)
            {
                return new Report(false, entries.Count, root, i, problem);
            }
        }

        return entries.Count != head.Size
            ? new Report(false, entries.Count, root, entries.Count, $"the log holds {entries.Count} entries but {head.Size} were written")
            : new Report(true, entries.Count, root, null, null);
    }

    private static string? Source(TransparencyLogEntry entry, Dictionary<Guid, Decision> decisions, Dictionary<Guid, Permit> permits, Dictionary<string, string> ruleSets, Dictionary<Guid, DecisionNote> notes)
    {
        var recomputed = entry.Type switch
        {
            LogEntryTypes.Submission => decisions.TryGetValue(entry.SubjectId, out var decision) ? LogPayloads.Submission(decision) : null,
            LogEntryTypes.Decision => decisions.TryGetValue(entry.SubjectId, out var decision) ? LogPayloads.ForDecision(decision) : null,
            LogEntryTypes.PermitIssued => permits.TryGetValue(entry.SubjectId, out var permit) ? LogPayloads.ForPermit(permit) : null,
            LogEntryTypes.PermitRevoked => permits.TryGetValue(entry.SubjectId, out var permit) ? LogPayloads.ForRevocation(permit) : null,
            LogEntryTypes.NoteAdded => notes.TryGetValue(entry.SubjectId, out var note) ? LogPayloads.ForNote(note) : null,
            LogEntryTypes.RuleSetFirstUsed => ruleSets.TryGetValue(entry.PayloadSha256, out var content) ? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content))) : null,
            _ => entry.PayloadSha256,
        };
        return recomputed switch
        {
            null => $"entry {entry.Sequence} ({entry.Type}) refers to {entry.SubjectId} or {entry.PayloadSha256}, which no longer exists",
            _ when recomputed != entry.PayloadSha256 => $"entry {entry.Sequence} ({entry.Type}): the stored record of {entry.SubjectId} no longer matches what was logged",
            _ => null,
        };
    }
}
