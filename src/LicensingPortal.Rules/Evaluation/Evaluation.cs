using LicensingPortal.Rules.Compilation;
using LicensingPortal.Rules.Facts;
using LicensingPortal.Rules.Model;

namespace LicensingPortal.Rules.Evaluation;

public enum Outcome
{
    Approved,
    Rejected,
}

public enum RequirementStatus
{
    Passed,
    Failed,
    NotApplicable,
}

/// <summary>A fact as a requirement read it, formatted for people (sensitive values masked).</summary>
public sealed record FactReading(string Fact, string Value);

/// <summary>
/// What one requirement found: its status, the facts it read with their values, the condition it checks and
/// the bound it compared against as evaluated (e.g. the submission date, or Rp10,000,000,000).
/// </summary>
public sealed record RequirementOutcome(
    string RequirementId,
    RequirementStatus Status,
    IReadOnlyList<FactReading> Facts,
    string Expected,
    string ExpectedValue);

/// <summary>
/// The full result of evaluating one application: the outcome, the rule set version it was decided under, what
/// the rule set derived (scale, risk, permits) and the trace: every requirement's status, failed or not, with the
/// typed snapshot of the facts it read (<see cref="Facts"/>). The trace is rendered for people — each requirement
/// with the values it read formatted, personal identifiers masked, and its bound — when it is first asked for
/// (<see cref="Requirements"/>); rendering reads the same snapshot and gives the same text every time.
/// </summary>
public sealed class Evaluation
{
    private readonly CompiledRuleSet ruleSet;
    private readonly RequirementStatus[] statuses;
    private IReadOnlyList<RequirementOutcome>? trace;

    internal Evaluation(CompiledRuleSet ruleSet, FactContext facts, RequirementStatus[] statuses)
    {
        this.ruleSet = ruleSet;
        this.statuses = statuses;
        Facts = facts;
        Outcome = Array.IndexOf(statuses, RequirementStatus.Failed) >= 0 ? Outcome.Rejected : Outcome.Approved;
    }

    public Outcome Outcome { get; }

    public string RuleSetId => ruleSet.Id;

    public string RuleSetHash => ruleSet.Hash;

    public BusinessScale Scale => Facts.Scale;

    public string RiskLevel => Facts.RiskLevel;

    /// <summary>The permits the application needs, in ordinal order.</summary>
    public IReadOnlyList<string> RequiredPermits => Facts.RequiredPermits;

    /// <summary>The facts as stated and as derived: every value any requirement read.</summary>
    public FactContext Facts { get; }

    /// <summary>The status of each requirement, in the order of <see cref="CompiledRuleSet.Requirements"/>.</summary>
    public RequirementStatus StatusOf(int index) => statuses[index];

    /// <summary>The ids of the failed requirements, in the rule set's order; reads the statuses without rendering the trace.</summary>
    public IEnumerable<string> FailedRequirementIds
    {
        get
        {
            for (var i = 0; i < statuses.Length; i++)
            {
                if (statuses[i] == RequirementStatus.Failed)
                {
                    yield return ruleSet.Requirements[i].Id;
                }
            }
        }
    }

    /// <summary>Every requirement's outcome with the facts it read and its bound, rendered on first use.</summary>
    public IReadOnlyList<RequirementOutcome> Requirements => trace ??= ruleSet.Trace(Facts, statuses);

    public IEnumerable<RequirementOutcome> Failed => Requirements.Where(r => r.Status == RequirementStatus.Failed);
}
