using System.Security.Cryptography;
using System.Text;

namespace LicensingPortal.Api.Infrastructure.Transparency;

/// <summary>
/// Recomputes the log from the stored entries and from the records they describe, and names the first entry
/// that does not match: a missing or moved entry, an entry changed after it was written, or a decision,
/// permit or rule set changed after it was logged.
/// </summary>
/// <remarks>
/// Built for millions of entries: the entries stream in while their leaf hashes are checked in batches on the
/// other cores; at the same time a second connection reads what each decision's payload is made of (on
/// PostgreSQL the database hashes the large facts and trace texts itself, so only digests travel).
/// </remarks>
public sealed class LogVerifier(LicensingDbContext db, IServiceScopeFactory scopes, CheckpointSigner signer, TimeProvider time)
{
    private const int Batch = 16_384;

    /// <summary>
    /// The result: the integrated tree checked entry by entry, and the entries still waiting for their place
    /// (<paramref name="Pending"/>), of which <paramref name="Overdue"/> waited past the promised merge delay.
    /// </summary>
    public sealed record Report(bool Valid, long TreeSize, string RootHash, long? FirstBadSequence, string? Problem, long Pending = 0, long Overdue = 0);

    private sealed record Entry(long Sequence, string Type, Guid SubjectId, string PayloadSha256);

    private sealed record Sources(
        Dictionary<Guid, (string Submission, string Decision)> Decisions,
        Dictionary<Guid, Permit> Permits,
        Dictionary<string, string> RuleSets,
        Dictionary<Guid, DecisionNote> Notes,
        Dictionary<Guid, Business> ClosedBusinesses,
        ILookup<Guid, Permit> PermitsClosedWith,
        Dictionary<Guid, StaffChange> StaffChanges,
        Dictionary<Guid, Objection> Objections,
        Dictionary<Guid, InspectionVisit> Inspections);

    public async Task<Report> VerifyAsync(CancellationToken cancellationToken)
    {
        var sources = Task.Run(() => LoadSourcesAsync(cancellationToken), cancellationToken);
        var head = await db.TransparencyLogHead.AsNoTracking().SingleAsync(cancellationToken);
        var entries = new List<Entry>((int)Math.Min(head.Size + 1, int.MaxValue / 2));
        var leaves = new List<byte[]>(entries.Capacity);
        var checks = new List<Task<bool[]>>();
        var batch = new List<TransparencyLogEntry>(Batch);
        await foreach (var entry in db.TransparencyLog.AsNoTracking().Where(e => e.Sequence != null && e.Sequence < head.Size).OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            entries.Add(new Entry(entry.Sequence!.Value, entry.Type, entry.SubjectId, entry.PayloadSha256));
            leaves.Add(entry.LeafHash);
            batch.Add(entry);
            if (batch.Count == Batch)
            {
                checks.Add(CheckLeavesAsync(batch));
                batch = new List<TransparencyLogEntry>(Batch);
            }
        }

        checks.Add(CheckLeavesAsync(batch));
        var hashMatches = await Task.WhenAll(checks);
        var root = Convert.ToHexStringLower(MerkleTree.Root(leaves));
        var stored = await sources;

        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var problem = entry.Sequence != i
                ? $"entry {i} is missing or out of place (found entry {entry.Sequence} there)"
                : !hashMatches[i / Batch][i % Batch]
                    ? $"entry {i} does not match its leaf hash: it was changed or moved after it was written"
                    : Source(entry, stored);
            if (problem is not null)
            {
                return new Report(false, entries.Count, root, i, problem);
            }
        }

        if (entries.Count != head.Size)
        {
            return new Report(false, entries.Count, root, entries.Count, $"the log holds {entries.Count} entries but {head.Size} were written");
        }

        // What was integrated after the head was read is checked next time; what lies beyond the head as it is now
        // (one statement, so one snapshot) was never written by the integrator.
        var beyond = await db.TransparencyLog.LongCountAsync(e => e.Sequence >= db.TransparencyLogHead.Select(h => h.Size).First(), cancellationToken)
            + await db.TransparencyCheckpoints.LongCountAsync(c => c.TreeSize > db.TransparencyLogHead.Select(h => h.Size).First(), cancellationToken);
        if (beyond > 0)
        {
            return new Report(false, entries.Count, root, head.Size, "the log holds entries or checkpoints beyond the size the integrator wrote");
        }

        if (await CheckpointProblemAsync(leaves, cancellationToken) is { } broken)
        {
            return new Report(false, entries.Count, root, broken.FirstEntry, broken.Problem);
        }

        var promisedBy = (time.GetUtcNow() - TimeSpan.FromSeconds(TransparencyOptions.MaxMergeDelaySeconds)).ToUnixTimeMilliseconds();
        var pending = await db.TransparencyLog.LongCountAsync(e => e.Sequence == null, cancellationToken);
        var overdue = pending == 0 ? 0 : await db.TransparencyLog.LongCountAsync(e => e.Sequence == null && e.OccurredAtMs < promisedBy, cancellationToken);
        return overdue > 0
            ? new Report(false, entries.Count, root, null, $"{overdue} entries waited longer than the promised {TransparencyOptions.MaxMergeDelaySeconds} s for their place in the log", pending, overdue)
            : new Report(true, entries.Count, root, null, null, pending, 0);
    }

    /// <summary>
    /// Recomputes the root at every size the integrator signed a checkpoint for: the first that no longer matches
    /// pins a change (a reordering too) to the batch of entries between it and the checkpoint before.
    /// </summary>
    private async Task<(long FirstEntry, string Problem)?> CheckpointProblemAsync(List<byte[]> leaves, CancellationToken cancellationToken)
    {
        var checkpoints = await db.TransparencyCheckpoints.AsNoTracking().Where(c => c.TreeSize <= leaves.Count).OrderBy(c => c.TreeSize).ToListAsync(cancellationToken);
        var tree = new CompactTree();
        var previous = 0L;
        foreach (var checkpoint in checkpoints)
        {
            while (tree.Size < checkpoint.TreeSize)
            {
                tree.Append(leaves[(int)tree.Size]);
            }

            if (!tree.Root().AsSpan().SequenceEqual(checkpoint.RootHash))
            {
                return (previous, $"entries {previous} to {checkpoint.TreeSize - 1} no longer form the tree signed at size {checkpoint.TreeSize}: one of them was changed, moved or replaced");
            }

            var body = CheckpointSigner.Body(checkpoint.TreeSize, checkpoint.RootHash, DateTimeOffset.FromUnixTimeSeconds(checkpoint.SignedAt));
            if (!CheckpointSigner.Verify(signer.PublicKey, body, checkpoint.Signature))
            {
                return (previous, $"the checkpoint of size {checkpoint.TreeSize} does not carry the log's signature");
            }

            previous = checkpoint.TreeSize;
        }

        return null;
    }

    private static Task<bool[]> CheckLeavesAsync(List<TransparencyLogEntry> batch) =>
        Task.Run(() => batch.Select(e => e.ComputeLeafHash().AsSpan().SequenceEqual(e.LeafHash)).ToArray());

    /// <summary>Reads, on its own connection, what the entries describe: decisions (as payload digests), permits, rule sets and notes.</summary>
    private async Task<Sources> LoadSourcesAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var second = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
        var decisions = second.Database.IsNpgsql()
            ? await DecisionDigestsHashedByPostgresAsync(second, cancellationToken)
            : await DecisionDigestsAsync(second, cancellationToken);
        var permits = await second.Permits.AsNoTracking().ToDictionaryAsync(p => p.Id, cancellationToken);
        var ruleSets = await second.RuleSetVersions.AsNoTracking().ToDictionaryAsync(v => v.Hash, v => v.Content, cancellationToken);
        var notes = await second.DecisionNotes.AsNoTracking().ToDictionaryAsync(n => n.Id, cancellationToken);
        var closed = await second.Businesses.AsNoTracking().Where(b => b.ClosedAt != null).ToDictionaryAsync(b => b.Id, cancellationToken);
        var staff = await second.StaffChanges.AsNoTracking().ToDictionaryAsync(c => c.Id, cancellationToken);
        var objections = await second.Objections.AsNoTracking().ToDictionaryAsync(o => o.Id, cancellationToken);
        var inspections = await second.InspectionVisits.AsNoTracking().Where(v => v.RecordedAt != null).ToDictionaryAsync(v => v.Id, cancellationToken);
        return new Sources(decisions, permits, ruleSets, notes, closed, permits.Values.Where(p => p.ClosedAt != null).ToLookup(p => p.BusinessId), staff, objections, inspections);
    }

    private static async Task<Dictionary<Guid, (string, string)>> DecisionDigestsAsync(LicensingDbContext context, CancellationToken cancellationToken)
    {
        var digests = new Dictionary<Guid, (string, string)>();
        var rows = context.Decisions.AsNoTracking()
            .Select(d => new { d.ApplicationId, d.Approved, d.RuleSetHash, d.FailedRequirementIds, d.RequiredPermits, d.FactsJson, d.TraceJson })
            .AsAsyncEnumerable();
        await foreach (var d in rows.WithCancellation(cancellationToken))
        {
            digests[d.ApplicationId] = (
                LogPayloads.Submission(d.ApplicationId, LogPayloads.Sha256(d.FactsJson)),
                LogPayloads.ForDecision(d.ApplicationId, d.Approved, d.RuleSetHash, d.FailedRequirementIds, d.RequiredPermits, LogPayloads.Sha256(d.TraceJson)));
        }

        return digests;
    }

    private static async Task<Dictionary<Guid, (string, string)>> DecisionDigestsHashedByPostgresAsync(LicensingDbContext context, CancellationToken cancellationToken)
    {
        var digests = new Dictionary<Guid, (string, string)>();
        var connection = context.Database.GetDbConnection();
        await context.Database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT application_id, approved, rule_set_hash, failed_requirement_ids, required_permits,
                   encode(sha256(convert_to(facts_json, 'UTF8')), 'hex'), encode(sha256(convert_to(trace_json, 'UTF8')), 'hex')
            FROM decisions
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var applicationId = reader.GetGuid(0);
            digests[applicationId] = (
                LogPayloads.Submission(applicationId, reader.GetString(5)),
                LogPayloads.ForDecision(applicationId, reader.GetBoolean(1), reader.GetString(2), reader.GetFieldValue<string[]>(3), reader.GetFieldValue<string[]>(4), reader.GetString(6)));
        }

        return digests;
    }

    private static string? Source(Entry entry, Sources stored)
    {
        var recomputed = entry.Type switch
        {
            LogEntryTypes.Submission => stored.Decisions.TryGetValue(entry.SubjectId, out var decision) ? decision.Submission : null,
            LogEntryTypes.Decision => stored.Decisions.TryGetValue(entry.SubjectId, out var decision) ? decision.Decision : null,
            LogEntryTypes.PermitIssued => stored.Permits.TryGetValue(entry.SubjectId, out var permit) ? LogPayloads.ForPermit(permit) : null,
            LogEntryTypes.PermitRevoked => stored.Permits.TryGetValue(entry.SubjectId, out var permit) ? LogPayloads.ForRevocation(permit) : null,
            LogEntryTypes.PermitReplaced => stored.Permits.TryGetValue(entry.SubjectId, out var permit) ? LogPayloads.ForReplacement(permit) : null,
            LogEntryTypes.BusinessClosed => stored.ClosedBusinesses.TryGetValue(entry.SubjectId, out var business)
                ? LogPayloads.ForClosure(business, stored.PermitsClosedWith[business.Id])
                : null,
            LogEntryTypes.NoteAdded => stored.Notes.TryGetValue(entry.SubjectId, out var note) ? LogPayloads.ForNote(note) : null,
            LogEntryTypes.StaffChanged => stored.StaffChanges.TryGetValue(entry.SubjectId, out var change) ? LogPayloads.ForStaffChange(change) : null,
            LogEntryTypes.ObjectionFiled => stored.Objections.TryGetValue(entry.SubjectId, out var filed) ? LogPayloads.ForObjectionFiled(filed) : null,
            LogEntryTypes.ObjectionAnswered => stored.Objections.TryGetValue(entry.SubjectId, out var answered) && answered.IsAnswered ? LogPayloads.ForObjectionAnswer(answered) : null,
            LogEntryTypes.AppealFiled => stored.Objections.TryGetValue(entry.SubjectId, out var appealed) && appealed.Appeal is not null ? LogPayloads.ForAppealFiled(appealed) : null,
            LogEntryTypes.AppealAnswered => stored.Objections.TryGetValue(entry.SubjectId, out var decided) && decided.Appeal is { IsAnswered: true } ? LogPayloads.ForAppealAnswer(decided) : null,
            LogEntryTypes.InspectionRecorded => stored.Inspections.TryGetValue(entry.SubjectId, out var visit) ? LogPayloads.ForInspection(visit) : null,
            LogEntryTypes.RuleSetFirstUsed => stored.RuleSets.TryGetValue(entry.PayloadSha256, out var content) ? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content))) : null,
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
