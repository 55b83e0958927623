using LicensingPortal.Rules.Compilation;

namespace LicensingPortal.Rules;

/// <summary>The rule set versions the engine knows, chosen by the date an application was submitted.</summary>
public sealed class RuleLibrary
{
    private readonly CompiledRuleSet[] byEffectiveDate;
    private readonly Dictionary<string, CompiledRuleSet> byHash;

    public RuleLibrary(IEnumerable<CompiledRuleSet> ruleSets)
    {
        byEffectiveDate = ruleSets.OrderBy(r => r.EffectiveFrom).ThenBy(r => r.Id, StringComparer.Ordinal).ToArray();
        byHash = byEffectiveDate.ToDictionary(r => r.Hash, StringComparer.Ordinal);
    }

    public IReadOnlyList<CompiledRuleSet> RuleSets => byEffectiveDate;

    /// <summary>The newest rule set whose effective date is on or before <paramref name="submissionDate"/>.</summary>
    public CompiledRuleSet? InForceOn(DateOnly submissionDate) =>
        byEffectiveDate.LastOrDefault(r => r.EffectiveFrom <= submissionDate);

    public CompiledRuleSet? FindByHash(string hash) => byHash.GetValueOrDefault(hash);
}
