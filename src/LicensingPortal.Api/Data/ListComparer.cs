using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace LicensingPortal.Api.Data;

/// <summary>
/// Change tracking for a list of scalars (codes, ids): equal when the same elements are in the same order; the
/// snapshot is a copy. Its expressions call static methods, so nothing is compiled or bound per comparison.
/// </summary>
public sealed class ListComparer<T> : ValueComparer<List<T>>
    where T : IEquatable<T>
{
    public static readonly ListComparer<T> Instance = new();

    private ListComparer()
        : base((a, b) => AreEqual(a, b), list => HashOf(list), list => Copy(list))
    {
    }

    public static bool AreEqual(List<T>? a, List<T>? b) =>
        ReferenceEquals(a, b) || (a is not null && b is not null && a.Count == b.Count && a.SequenceEqual(b));

    public static int HashOf(List<T> list)
    {
        ArgumentNullException.ThrowIfNull(list);
        var hash = new HashCode();
        foreach (var item in list)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    public static List<T> Copy(List<T> list) => list is null ? null! : [.. list];
}
