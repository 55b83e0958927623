namespace LicensingPortal.Rules.Compilation;

/// <summary>A compiled rule set, or every problem that kept it from compiling.</summary>
public sealed record RuleSetLoadResult(CompiledRuleSet? RuleSet, IReadOnlyList<RuleDiagnostic> Diagnostics)
{
    public bool Succeeded => RuleSet is not null && Diagnostics.Count == 0;
}
