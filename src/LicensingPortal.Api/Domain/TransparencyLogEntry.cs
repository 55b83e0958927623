using System.Globalization;
using System.Text;

namespace LicensingPortal.Api.Domain;

/// <summary>
/// One entry of the append-only transparency log: its place (sequence), time, actor, type, subject and the
/// SHA-256 of its canonical payload. Its leaf hash, SHA-256(0x00 ‖ entry), is a leaf of the log's Merkle tree.
/// </summary>
public sealed class TransparencyLogEntry
{
    private TransparencyLogEntry()
    {
    }

    public long Sequence { get; private set; }

    /// <summary>Milliseconds since the Unix epoch (UTC): exact on every database, so the hash can be recomputed.</summary>
    public long OccurredAtMs { get; private set; }

    public string Actor { get; private set; } = string.Empty;

    public string Type { get; private set; } = string.Empty;

    public Guid SubjectId { get; private set; }

    public string PayloadSha256 { get; private set; } = string.Empty;

    public byte[] LeafHash { get; private set; } = [];

    public static TransparencyLogEntry Append(long sequence, DateTimeOffset now, string actor, string type, Guid subjectId, string payloadSha256)
    {
        var entry = new TransparencyLogEntry
        {
            Sequence = sequence,
            OccurredAtMs = now.ToUnixTimeMilliseconds(),
            Actor = actor,
            Type = type,
            SubjectId = subjectId,
            PayloadSha256 = payloadSha256,
        };
        entry.LeafHash = entry.ComputeLeafHash();
        return entry;
    }

    /// <summary>The entry as hashed: every field, in a fixed order and format.</summary>
    public byte[] CanonicalBytes() => Encoding.UTF8.GetBytes(string.Join(
        '|',
        Sequence.ToString(CultureInfo.InvariantCulture),
        OccurredAtMs.ToString(CultureInfo.InvariantCulture),
        Actor,
        Type,
        SubjectId.ToString("N"),
        PayloadSha256));

    public byte[] ComputeLeafHash() => MerkleTree.LeafHash(CanonicalBytes());
}

public static class LogEntryTypes
{
    public const string Submission = "submission";
    public const string Decision = "decision";
    public const string PermitIssued = "permit-issued";
    public const string PermitRevoked = "permit-revoked";
    public const string RuleSetFirstUsed = "rule-set-first-used";
    public const string NoteAdded = "note-added";
}

/// <summary>The size of the log, in one row: appends lock it, so sequence numbers have no gaps and no repeats.</summary>
public sealed class TransparencyLogHead
{
    public int Id { get; set; } = 1;

    public long Size { get; set; }
}
