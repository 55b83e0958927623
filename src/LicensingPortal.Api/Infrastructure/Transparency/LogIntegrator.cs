using Microsoft.Extensions.Options;

namespace LicensingPortal.Api.Infrastructure.Transparency;

/// <summary>
/// Gives committed, waiting entries the next sequence numbers, in one transaction (the caller's unit of work),
/// and signs a new checkpoint over the grown tree (added to the checkpoint history). The head row is locked for the transaction, so even two
/// integrators could only take turns; the election (<see cref="Jobs.LeaderElection"/>) makes sure only one tries.
/// An entry becomes part of the log exactly when the change that wrote it committed: entries of a change that
/// rolled back never existed, and entries committed while the integrator was down wait for it.
/// </summary>
public sealed class LogIntegrator(LicensingDbContext db, LogFrontier frontier, CheckpointSigner signer, IOptions<TransparencyOptions> options, TimeProvider time)
{
    /// <summary>Integrates up to one batch of waiting entries; returns how many.</summary>
    public async Task<int> IntegrateAsync(CancellationToken cancellationToken)
    {
        var batch = options.Value.IntegrateBatch;
        if (!await db.TransparencyLog.AnyAsync(e => e.Sequence == null, cancellationToken))
        {
            return 0;
        }

        // The head first, then the waiting entries: a second integrator (an election gone wrong, or `seed demo`
        // catching up) waits here and then sees the first one's numbers committed, so no entry is numbered twice.
        var head = db.Database.IsNpgsql()
            ? await db.TransparencyLogHead.FromSql($"SELECT * FROM transparency_log_head WHERE id = 1 FOR UPDATE").SingleAsync(cancellationToken)
            : await db.TransparencyLogHead.SingleAsync(cancellationToken);
        var waiting = await db.TransparencyLog.Where(e => e.Sequence == null).OrderBy(e => e.Id).Take(batch).ToListAsync(cancellationToken);
        if (waiting.Count == 0)
        {
            return 0;
        }
        var tree = await frontier.AtAsync(db, head, cancellationToken);
        foreach (var entry in waiting)
        {
            entry.Integrate(tree.Size);
            tree.Append(entry.LeafHash);
        }

        var root = tree.Root();
        var now = DateTimeOffset.FromUnixTimeSeconds(time.GetUtcNow().ToUnixTimeSeconds());
        head.Size = tree.Size;
        db.TransparencyCheckpoints.Add(TransparencyCheckpoint.Of(tree.Size, root, now, signer.Sign(CheckpointSigner.Body(tree.Size, root, now))));
        frontier.Remember(tree);
        return waiting.Count;
    }
}

/// <summary>
/// The right edge of the log's Merkle tree (the roots of its perfect subtrees, largest first): enough to add
/// leaves and compute the new root without reading the log again. Kept by the integrator between batches and
/// read again from the database whenever its size is not the head's (at start, after a rolled-back batch, or after
/// another instance integrated).
/// </summary>
public sealed class LogFrontier
{
    private readonly Lock gate = new();
    private CompactTree? remembered;

    /// <summary>The tree as the head describes it: the remembered one if it matches, else rebuilt from the integrated leaves.</summary>
    public async Task<CompactTree> AtAsync(LicensingDbContext db, TransparencyLogHead head, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(head);
        lock (gate)
        {
            // Integrated entries never change and the log only grows, so a tree of the head's size is the head's tree.
            if (remembered is { } tree && tree.Size == head.Size)
            {
                return tree.Copy();
            }
        }

        var rebuilt = new CompactTree();
        var leaves = db.TransparencyLog.AsNoTracking().Where(e => e.Sequence != null && e.Sequence < head.Size).OrderBy(e => e.Sequence).Select(e => e.LeafHash).AsAsyncEnumerable();
        await foreach (var leaf in leaves.WithCancellation(cancellationToken))
        {
            rebuilt.Append(leaf);
        }

        if (rebuilt.Size != head.Size)
        {
            throw new InvalidOperationException($"The log head says {head.Size} entries, but {rebuilt.Size} are integrated: run `audit verify`.");
        }

        return rebuilt;
    }

    /// <summary>Keeps <paramref name="tree"/> for the next batch (checked against the head then, in case this batch rolled back).</summary>
    public void Remember(CompactTree tree)
    {
        lock (gate)
        {
            remembered = tree.Copy();
        }
    }
}

/// <summary>An RFC 6962 Merkle tree held as its perfect subtrees' roots: append in O(log n), root in O(log n).</summary>
public sealed class CompactTree
{
    private readonly List<(int Height, byte[] Hash)> subtrees = [];

    public long Size { get; private set; }

    public void Append(byte[] leafHash)
    {
        subtrees.Add((0, leafHash));
        while (subtrees.Count > 1 && subtrees[^1].Height == subtrees[^2].Height)
        {
            var right = subtrees[^1];
            var left = subtrees[^2];
            subtrees.RemoveRange(subtrees.Count - 2, 2);
            subtrees.Add((left.Height + 1, MerkleTree.NodeHash(left.Hash, right.Hash)));
        }

        Size++;
    }

    /// <summary>The root hash: the subtrees folded from the right, which is how RFC 6962 splits a tree.</summary>
    public byte[] Root()
    {
        if (subtrees.Count == 0)
        {
            return MerkleTree.Root([]);
        }

        var root = subtrees[^1].Hash;
        for (var i = subtrees.Count - 2; i >= 0; i--)
        {
            root = MerkleTree.NodeHash(subtrees[i].Hash, root);
        }

        return root;
    }

    public CompactTree Copy()
    {
        var copy = new CompactTree { Size = Size };
        copy.subtrees.AddRange(subtrees);
        return copy;
    }
}
