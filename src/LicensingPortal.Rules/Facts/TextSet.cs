using System.Collections;

namespace LicensingPortal.Rules.Facts;

/// <summary>
/// A small immutable set of texts kept as one sorted array (ordinal order, no duplicates). The sets an application
/// carries (its KBLI codes, the permits it needs, the codes that are unknown or misplaced) hold one to a few
/// items, where a scan of a sorted array is cheaper than hashing and the items are already in the order traces
/// show them. Rule sets build the common sets once (each KBLI on its own, its permits per scale) and share them
/// between evaluations.
/// </summary>
public sealed class TextSet : IReadOnlySet<string>, IReadOnlyList<string>
{
    private readonly string[] items;

    private TextSet(string[] sortedDistinct) => items = sortedDistinct;

    public static TextSet Empty { get; } = new([]);

    public int Count => items.Length;

    public string this[int index] => items[index];

    /// <summary>The distinct values, sorted in ordinal order.</summary>
    public static TextSet Of(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        string[] array;
        if (values is IReadOnlyList<string> list)
        {
            if (list.Count == 0)
            {
                return Empty;
            }

            array = new string[list.Count];
            for (var i = 0; i < array.Length; i++)
            {
                array[i] = list[i];
            }
        }
        else
        {
            array = values.ToArray();
        }

        return array.Length == 0 ? Empty : new TextSet(SortDistinct(array));
    }

    /// <summary>The first <paramref name="count"/> items of an array already sorted and distinct (taken, not copied, when full).</summary>
    internal static TextSet FromSorted(string[]? sortedDistinct, int count) =>
        sortedDistinct is null || count == 0 ? Empty : new TextSet(count == sortedDistinct.Length ? sortedDistinct : sortedDistinct[..count]);

    /// <summary>Sorts in place (insertion sort: the sets are small) and drops repeats.</summary>
    private static string[] SortDistinct(string[] array)
    {
        if (array.Length > 16)
        {
            Array.Sort(array, StringComparer.Ordinal);
        }
        else
        {
            for (var i = 1; i < array.Length; i++)
            {
                var item = array[i];
                var j = i - 1;
                while (j >= 0 && string.CompareOrdinal(array[j], item) > 0)
                {
                    array[j + 1] = array[j];
                    j--;
                }

                array[j + 1] = item;
            }
        }

        var distinct = 1;
        for (var i = 1; i < array.Length; i++)
        {
            if (!string.Equals(array[i], array[distinct - 1], StringComparison.Ordinal))
            {
                array[distinct++] = array[i];
            }
        }

        return distinct == array.Length ? array : array[..distinct];
    }

    public bool Contains(string item)
    {
        var found = items;
        for (var i = 0; i < found.Length; i++)
        {
            if (string.Equals(found[i], item, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public bool IsSubsetOf(IEnumerable<string> other)
    {
        var set = AsSet(other);
        foreach (var item in items)
        {
            if (!set.Contains(item))
            {
                return false;
            }
        }

        return true;
    }

    public bool IsSupersetOf(IEnumerable<string> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var item in other)
        {
            if (!Contains(item))
            {
                return false;
            }
        }

        return true;
    }

    public bool Overlaps(IEnumerable<string> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var item in other)
        {
            if (Contains(item))
            {
                return true;
            }
        }

        return false;
    }

    public bool SetEquals(IEnumerable<string> other)
    {
        var set = AsSet(other);
        return set.Count == items.Length && IsSubsetOf(set);
    }

    public bool IsProperSubsetOf(IEnumerable<string> other)
    {
        var set = AsSet(other);
        return set.Count > items.Length && IsSubsetOf(set);
    }

    public bool IsProperSupersetOf(IEnumerable<string> other)
    {
        var set = AsSet(other);
        return items.Length > set.Count && IsSupersetOf(set);
    }

    public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>As traces show a set: <c>[a, b]</c>.</summary>
    public override string ToString() => "[" + string.Join(", ", items) + "]";

    private static IReadOnlySet<string> AsSet(IEnumerable<string> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return other as IReadOnlySet<string> ?? other.ToHashSet(StringComparer.Ordinal);
    }
}
