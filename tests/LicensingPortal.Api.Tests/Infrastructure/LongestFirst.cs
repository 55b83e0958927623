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
/// Starts the longest test classes first (longest processing time first): two threads take collections in this order,
/// so the short classes fill in at the end instead of a long browser class starting late and running alone at the tail.
/// xUnit's own order is random on every run (the whole run took 14 min 38 s to 15 min 42 s on the same commit);
/// the unmarked classes keep it among themselves.
/// </summary>
public sealed class LongestFirst : ITestCollectionOrderer
{
    public IReadOnlyCollection<TTestCollection> OrderTestCollections<TTestCollection>(IReadOnlyCollection<TTestCollection> testCollections)
        where TTestCollection : notnull, ITestCollection =>
        [.. DefaultTestCollectionOrderer.Instance.OrderTestCollections(testCollections).OrderByDescending(collection => SecondsOf(collection))];

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
