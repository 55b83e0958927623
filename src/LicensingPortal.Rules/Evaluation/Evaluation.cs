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
/// The full result of evaluating one application: the outcome, the rule set version it was decided under,
/// what the rule set derived (scale, risk, permits) and every requirement's outcome, failed or not.
/// </summary>
public sealed record Evaluation(
    Outcome Outcome,
    string RuleSetId,
    string RuleSetHash,
    BusinessScale Scale,
    string RiskLevel,
    IReadOnlyList<string> RequiredPermits,
    IReadOnlyList<RequirementOutcome> Requirements)
{
    public IEnumerable<RequirementOutcome> Failed => Requirements.Where(r => r.Status == RequirementStatus.Failed);
}
