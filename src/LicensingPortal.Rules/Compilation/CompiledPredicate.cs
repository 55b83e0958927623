using System.Linq.Expressions;
using LicensingPortal.Rules.Facts;

namespace LicensingPortal.Rules.Compilation;

/// <summary>
/// A predicate tree, type-checked and translated into an expression tree (compiled with the rest of its rule set
/// into one delegate), with a readable form of what it expects and, for a single comparison, the bound it compared
/// against as evaluated (a parameter, a literal or another fact's value).
/// </summary>
public sealed record CompiledPredicate(Expression<Func<FactContext, bool>> Condition, string Expected, IReadOnlyList<FactDefinition> Reads, Func<FactContext, string>? Bound = null)
{
    /// <summary>A bound that does not depend on the facts (a literal or a parameter), rendered once at compile time.</summary>
    public string? FixedBound { get; init; }

    public string ExpectedValue(FactContext context) => FixedBound ?? (Bound is null ? Expected : Bound(context));

    public static CompiledPredicate Always { get; } = new(_ => true, "always", []);
}
