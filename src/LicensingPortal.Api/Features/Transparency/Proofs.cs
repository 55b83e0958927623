using LicensingPortal.Api.Infrastructure.Transparency;

namespace LicensingPortal.Api.Features.Transparency;

/// <summary>A signed checkpoint of the log: tree size, root hash and time, signed with Ed25519 over <paramref name="Body"/>.</summary>
public sealed record Checkpoint(long TreeSize, string RootHash, DateTimeOffset Timestamp, string Body, string Signature, string PublicKey, string Algorithm);

public sealed record InclusionProof(long Sequence, long TreeSize, string LeafHash, IReadOnlyList<string> Proof, string RootHash);

public sealed record ConsistencyProof(long FirstSize, long SecondSize, string FirstRootHash, string SecondRootHash, IReadOnlyList<string> Proof);

/// <summary>What the log proofs are made of: the leaves as the log holds them, and the signed checkpoint over them.</summary>
public static class Proofs
{
    /// <summary>
    /// The latest checkpoint the integrator signed; for a log it has not signed yet (empty, or written before
    /// deferred integration), one signed now over the integrated entries.
    /// </summary>
    public static async Task<Checkpoint> CheckpointAsync(LicensingDbContext db, TransparencyLog log, CheckpointSigner signer, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(signer);
        var latest = await db.TransparencyCheckpoints.AsNoTracking().OrderByDescending(c => c.TreeSize).FirstOrDefaultAsync(cancellationToken);
        if (latest is not null)
        {
            var signedAt = DateTimeOffset.FromUnixTimeSeconds(latest.SignedAt);
            return new Checkpoint(latest.TreeSize, Convert.ToHexStringLower(latest.RootHash), signedAt, CheckpointSigner.Body(latest.TreeSize, latest.RootHash, signedAt), Convert.ToBase64String(latest.Signature), Convert.ToBase64String(signer.PublicKey), "Ed25519");
        }

        var head = await db.TransparencyLogHead.AsNoTracking().SingleAsync(cancellationToken);
        var leaves = await log.LeafHashesAsync(head.Size, cancellationToken);
        var root = MerkleTree.Root(leaves);
        var now = DateTimeOffset.FromUnixTimeSeconds(time.GetUtcNow().ToUnixTimeSeconds());
        var body = CheckpointSigner.Body(leaves.Length, root, now);
        return new Checkpoint(leaves.Length, Convert.ToHexStringLower(root), now, body, Convert.ToBase64String(signer.Sign(body)), Convert.ToBase64String(signer.PublicKey), "Ed25519");
    }

    public static InclusionProof Inclusion(long sequence, byte[][] leaves)
    {
        ArgumentNullException.ThrowIfNull(leaves);
        return new(
            sequence,
            leaves.Length,
            Convert.ToHexStringLower(leaves[sequence]),
            MerkleTree.InclusionProof((int)sequence, leaves).Select(Convert.ToHexStringLower).ToList(),
            Convert.ToHexStringLower(MerkleTree.Root(leaves)));
    }
}
