using System.Globalization;
using System.Text;

namespace LicensingPortal.Api.Domain;

/// <summary>
/// One entry of the append-only transparency log: its time, actor, type, subject and the SHA-256 of its
/// canonical payload. Its leaf hash, SHA-256(0x00 ‖ entry), is a leaf of the log's Merkle tree. The change it
/// records inserts it with its leaf hash but no place; the integrator then gives it the next sequence number
/// (<see cref="Integrate"/>), so no two submissions share a row.
/// </summary>
public sealed class TransparencyLogEntry
{
    /// <summary>Entries written before deferred integration: the sequence number is part of the hashed entry.</summary>
    public const int SequencedFormat = 1;

    /// <summary>Entries hashed without their place, so the hash (and the signed promise over it) exists before integration.</summary>
    public const int PromisedFormat = 2;

    private TransparencyLogEntry()
    {
    }

    /// <summary>Insertion order only; the log's order is <see cref="Sequence"/>.</summary>
    public long Id { get; private set; }

    /// <summary>The entry's place in the log; null while it waits for the integrator.</summary>
    public long? Sequence { get; private set; }

    public int Format { get; private set; } = PromisedFormat;

    /// <summary>Milliseconds since the Unix epoch (UTC): exact on every database, so the hash can be recomputed.</summary>
    public long OccurredAtMs { get; private set; }

    public string Actor { get; private set; } = string.Empty;

    public string Type { get; private set; } = string.Empty;

    public Guid SubjectId { get; private set; }

    public string PayloadSha256 { get; private set; } = string.Empty;

    public byte[] LeafHash { get; private set; } = [];

    /// <summary>A new entry waiting for its place; its leaf hash is final.</summary>
    public static TransparencyLogEntry Append(DateTimeOffset now, string actor, string type, Guid subjectId, string payloadSha256)
    {
        var entry = new TransparencyLogEntry
        {
            Format = PromisedFormat,
            OccurredAtMs = now.ToUnixTimeMilliseconds(),
            Actor = actor,
            Type = type,
            SubjectId = subjectId,
            PayloadSha256 = payloadSha256,
        };
        entry.LeafHash = entry.ComputeLeafHash();
        return entry;
    }

    /// <summary>Gives the entry its place in the log, once.</summary>
    public void Integrate(long sequence)
    {
        if (Sequence is not null)
        {
            throw new InvalidOperationException($"Entry {Id} already has sequence number {Sequence}.");
        }

        Sequence = sequence;
    }

    /// <summary>The entry as hashed: every field, in a fixed order and format (with the sequence number in the first format only).</summary>
    public byte[] CanonicalBytes() => Encoding.UTF8.GetBytes(Format == SequencedFormat
        ? string.Join('|', (Sequence ?? -1).ToString(CultureInfo.InvariantCulture), OccurredAtMs.ToString(CultureInfo.InvariantCulture), Actor, Type, SubjectId.ToString("N"), PayloadSha256)
        : string.Join('|', "v2", OccurredAtMs.ToString(CultureInfo.InvariantCulture), Actor, Type, SubjectId.ToString("N"), PayloadSha256));

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
    public const string BusinessClosed = "business-closed";
    public const string PermitReplaced = "permit-replaced";
    public const string StaffChanged = "staff-changed";
    public const string ObjectionFiled = "objection-filed";
    public const string ObjectionAnswered = "objection-answered";
    public const string AppealFiled = "appeal-filed";
    public const string AppealAnswered = "appeal-answered";
    public const string InspectionRecorded = "inspection-recorded";
}

/// <summary>
/// The size of the integrated log, in one row that only the integrator writes (and locks while it integrates).
/// The latest signed checkpoint is the last row of <see cref="TransparencyCheckpoint"/>.
/// </summary>
public sealed class TransparencyLogHead
{
    public int Id { get; set; } = 1;

    public long Size { get; set; }
}

/// <summary>
/// Every checkpoint the integrator signed, one per integrated batch: the tree's size, root, time and signature;
/// the last one is the log's current checkpoint.
/// `audit verify` recomputes the root at each of these sizes, so a change (a reordering too) is pinned to the
/// batch it falls in; a client can fetch the checkpoint of any size it was shown.
/// </summary>
public sealed class TransparencyCheckpoint
{
    private TransparencyCheckpoint()
    {
    }

    public long TreeSize { get; private set; }

    public byte[] RootHash { get; private set; } = [];

    /// <summary>Seconds since the Unix epoch.</summary>
    public long SignedAt { get; private set; }

    public byte[] Signature { get; private set; } = [];

    public static TransparencyCheckpoint Of(long treeSize, byte[] rootHash, DateTimeOffset signedAt, byte[] signature) => new()
    {
        TreeSize = treeSize,
        RootHash = rootHash,
        SignedAt = signedAt.ToUnixTimeSeconds(),
        Signature = signature,
    };
}
