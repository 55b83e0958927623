using System.Reflection;
using Xunit.Sdk;
using Xunit.v3;

[assembly: TestCollectionOrderer(typeof(LicensingPortal.Api.Tests.Infrastructure.LongestFirst))]

namespace LicensingPortal.Api.Tests.Infrastructure;

/// <summary>
/// How long a test class takes on the 2-core machine, about (its tests one after another, as its collection runs them):
/// read by <see cref="LongestFirst"/>. Measured from a run's TRX file; only the long ones are marked.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class RunsForAttribute(int seconds) : Attribute
{
    public int Seconds { get; } = seconds;
}

/// <summary>
/// Starts the longest test classes first (longest processing time first), so the short classes fill in at the end
/// instead of a long browser class starting late and running alone at the tail. xUnit's own order is random on every
/// run (the whole run took 14 min 38 s to 15 min 42 s on one commit). How xUnit v3 (3.2.2, conservative parallelism)
/// takes the collections, as measured from the TRX start times on this 2-core machine: the first two in the order
/// given, then the rest last-first. So the list is the two longest, the unmarked classes (in xUnit's order), and the
/// other marked classes shortest first: taken last-first, the longest of them comes third, and so on down.
/// </summary>
public sealed class LongestFirst : ITestCollectionOrderer
{
    /// <summary>How many collections xUnit starts at once, in the order given: one per core.</summary>
    private static readonly int StartedAtOnce = Environment.ProcessorCount;

    public IReadOnlyCollection<TTestCollection> OrderTestCollections<TTestCollection>(IReadOnlyCollection<TTestCollection> testCollections)
        where TTestCollection : notnull, ITestCollection
    {
        var shuffled = DefaultTestCollectionOrderer.Instance.OrderTestCollections(testCollections);
        var marked = shuffled.Where(collection => SecondsOf(collection) > 0).OrderByDescending(collection => SecondsOf(collection)).ToList();
        var first = marked.Take(StartedAtOnce).ToList();
        return [.. first, .. shuffled.Where(collection => SecondsOf(collection) == 0), .. marked.Skip(first.Count).Reverse()];
    }

    private static int SecondsOf(ITestCollection collection)
    {
        // A collection of its own per class: "Test collection for Namespace.Class", perhaps with " (id)" after.
        const string Prefix = "Test collection for ";
        var name = collection.TestCollectionClassName ?? collection.TestCollectionDisplayName;
        if (name.StartsWith(Prefix, StringComparison.Ordinal))
        {
            name = name[Prefix.Length..];
        }

        var end = name.IndexOf(' ', StringComparison.Ordinal);
        var type = typeof(LongestFirst).Assembly.GetType(end < 0 ? name : name[..end]);
        return type?.GetCustomAttribute<RunsForAttribute>()?.Seconds ?? 0;
    }
}
