using System.Security.Cryptography;

namespace LicensingPortal.Api.Domain;

/// <summary>
/// The Merkle tree of RFC 6962 (§2.1) / RFC 9162: leaf hash SHA-256(0x00 ‖ entry), node hash
/// SHA-256(0x01 ‖ left ‖ right), the tree over n leaves split at the largest power of two below n; with
/// inclusion and consistency proofs and their verification. Works on leaf hashes, so a log of any size
/// is hashed without holding its entries.
/// </summary>
public static class MerkleTree
{
    public static byte[] LeafHash(ReadOnlySpan<byte> entry)
    {
        var buffer = new byte[entry.Length + 1];
        entry.CopyTo(buffer.AsSpan(1));
        return SHA256.HashData(buffer);
    }

    public static byte[] NodeHash(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        Span<byte> buffer = stackalloc byte[65];
        buffer[0] = 1;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[33..]);
        return SHA256.HashData(buffer);
    }

    /// <summary>MTH(D[n]): the root hash of the leaves (the SHA-256 of nothing for an empty tree).</summary>
    public static byte[] Root(IReadOnlyList<byte[]> leaves)
    {
        ArgumentNullException.ThrowIfNull(leaves);
        if (leaves.Count == 0)
        {
            return SHA256.HashData([]);
        }

        // Bottom-up: pair neighbours level by level; an odd last node moves up unchanged, which gives the
        // same tree as the recursive split at the largest power of two.
        var level = leaves.ToArray();
        while (level.Length > 1)
        {
            var next = new byte[(level.Length + 1) / 2][];
            for (var i = 0; i < level.Length / 2; i++)
            {
                next[i] = NodeHash(level[2 * i], level[(2 * i) + 1]);
            }

            if (level.Length % 2 == 1)
            {
                next[^1] = level[^1];
            }

            level = next;
        }

        return level[0];
    }

    /// <summary>PATH(m, D[n]): the audit path proving leaf <paramref name="index"/> is in the tree of all <paramref name="leaves"/>.</summary>
    public static List<byte[]> InclusionProof(int index, IReadOnlyList<byte[]> leaves)
    {
        ArgumentNullException.ThrowIfNull(leaves);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, leaves.Count);
        var proof = new List<byte[]>();
        Path(index, 0, leaves.Count, leaves, proof);
        return proof;
    }

    private static void Path(int m, int start, int n, IReadOnlyList<byte[]> leaves, List<byte[]> proof)
    {
        if (n <= 1)
        {
            return;
        }

        var k = LargestPowerOfTwoBelow(n);
        if (m < k)
        {
            Path(m, start, k, leaves, proof);
            proof.Add(SubRoot(leaves, start + k, n - k));
        }
        else
        {
            Path(m - k, start + k, n - k, leaves, proof);
            proof.Add(SubRoot(leaves, start, k));
        }
    }

    /// <summary>PROOF(m, D[n]): proves the tree of the first <paramref name="oldSize"/> leaves is a prefix of the tree of all <paramref name="leaves"/>.</summary>
    public static List<byte[]> ConsistencyProof(int oldSize, IReadOnlyList<byte[]> leaves)
    {
        ArgumentNullException.ThrowIfNull(leaves);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(oldSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(oldSize, leaves.Count);
        var proof = new List<byte[]>();
        SubProof(oldSize, 0, leaves.Count, true, leaves, proof);
        return proof;
    }

    private static void SubProof(int m, int start, int n, bool whole, IReadOnlyList<byte[]> leaves, List<byte[]> proof)
    {
        if (m == n)
        {
            if (!whole)
            {
                proof.Add(SubRoot(leaves, start, n));
            }

            return;
        }

        var k = LargestPowerOfTwoBelow(n);
        if (m <= k)
        {
            SubProof(m, start, k, whole, leaves, proof);
            proof.Add(SubRoot(leaves, start + k, n - k));
        }
        else
        {
            SubProof(m - k, start + k, n - k, false, leaves, proof);
            proof.Add(SubRoot(leaves, start, k));
        }
    }

    /// <summary>Checks an inclusion proof (RFC 9162 §2.1.3.2).</summary>
    public static bool VerifyInclusion(long index, long size, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> root)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (index < 0 || index >= size)
        {
            return false;
        }

        var (fn, sn) = (index, size - 1);
        var r = leafHash.ToArray();
        foreach (var p in proof)
        {
            if (sn == 0)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                r = NodeHash(p, r);
                if ((fn & 1) == 0)
                {
                    while ((fn & 1) == 0 && fn != 0)
                    {
                        (fn, sn) = (fn >> 1, sn >> 1);
                    }
                }
            }
            else
            {
                r = NodeHash(r, p);
            }

            (fn, sn) = (fn >> 1, sn >> 1);
        }

        return sn == 0 && r.AsSpan().SequenceEqual(root);
    }

    /// <summary>Checks a consistency proof between two tree sizes and their roots (RFC 9162 §2.1.4.2).</summary>
    public static bool VerifyConsistency(long oldSize, long newSize, ReadOnlySpan<byte> oldRoot, ReadOnlySpan<byte> newRoot, IReadOnlyList<byte[]> proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (oldSize <= 0 || oldSize > newSize)
        {
            return false;
        }

        if (oldSize == newSize)
        {
            return proof.Count == 0 && oldRoot.SequenceEqual(newRoot);
        }

        var path = proof.ToList();
        if ((oldSize & (oldSize - 1)) == 0)
        {
            path.Insert(0, oldRoot.ToArray());
        }

        if (path.Count == 0)
        {
            return false;
        }

        var (fn, sn) = (oldSize - 1, newSize - 1);
        while ((fn & 1) == 1)
        {
            (fn, sn) = (fn >> 1, sn >> 1);
        }

        var (fr, sr) = (path[0], path[0]);
        foreach (var c in path.Skip(1))
        {
            if (sn == 0)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                fr = NodeHash(c, fr);
                sr = NodeHash(c, sr);
                if ((fn & 1) == 0)
                {
                    while ((fn & 1) == 0 && fn != 0)
                    {
                        (fn, sn) = (fn >> 1, sn >> 1);
                    }
                }
            }
            else
            {
                sr = NodeHash(sr, c);
            }

            (fn, sn) = (fn >> 1, sn >> 1);
        }

        return sn == 0 && fr.AsSpan().SequenceEqual(oldRoot) && sr.AsSpan().SequenceEqual(newRoot);
    }

    private static byte[] SubRoot(IReadOnlyList<byte[]> leaves, int start, int count) =>
        Root(new ArraySegment<byte[]>(leaves as byte[][] ?? leaves.ToArray(), start, count));

    private static int LargestPowerOfTwoBelow(int n)
    {
        var k = 1;
        while (k << 1 < n)
        {
            k <<= 1;
        }

        return k;
    }
}
