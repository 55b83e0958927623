using System.Text.Json;
using System.Text.Json.Serialization;
using LicensingPortal.Rules.Compilation;
using LicensingPortal.Rules.Evaluation;
using LicensingPortal.Rules.Model;

namespace LicensingPortal.Api.Domain;

/// <summary>
/// A decision as people read it, in their language: the outcome, the rule set it was reached under, the scale,
/// risk and permits, every failed requirement with its message, remedy and legal basis, and every requirement's
/// outcome with the values it read. The same explanation is shown on the decision page, in the API, in the
/// e-mail and in the webhook.
/// </summary>
public sealed record DecisionExplanation(
    string Outcome,
    DateTimeOffset DecidedAt,
    RuleSetReference RuleSet,
    string Scale,
    string RiskLevel,
    string? RiskTitle,
    IReadOnlyList<PermitReference> RequiredPermits,
    IReadOnlyList<FailedRequirement> FailedRequirements,
    IReadOnlyList<RequirementTrace> Requirements)
{
    [JsonIgnore]
    public bool Approved => Outcome == Outcomes.Approved;

    /// <summary>
    /// The declarations the requirements that apply to these answers ask for (a requirement on the fact
    /// "declarations" that applies, and the declaration it expects), read from the trace: the rule set decides which.
    /// </summary>
    public IReadOnlySet<string> DeclarationsAsked() => ExpectedOf(DeclarationsFact).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The environmental document the requirements that apply to these answers ask for (a requirement on the fact
    /// "environment.document" that applies, and the document it expects), read from the trace; null when none asks.
    /// </summary>
    public string? EnvironmentalDocumentAsked() => ExpectedOf(EnvironmentalDocumentFact).FirstOrDefault();

    /// <summary>
    /// Whether a requirement on the investment per activity applies to these answers (met or not), as the trace
    /// records: a business with foreign capital (PMA) must invest more than the rule set's minimum per activity.
    /// </summary>
    public bool AsksForeignInvestmentMinimum() => Requirements.Any(r => r.Status != NotApplicable && r.Facts.Any(f => f.Fact == CapitalPerActivityFact));

    private const string CapitalPerActivityFact = "investment.capitalPerKbli";

    /// <summary>What the requirements that apply and read <paramref name="fact"/> expect of it, as the trace records.</summary>
    private IEnumerable<string> ExpectedOf(string fact) =>
        Requirements
            .Where(r => r.Status != NotApplicable && r.Facts.Any(f => f.Fact == fact) && r.ExpectedValue.Length > 0)
            .Select(r => r.ExpectedValue);

    private const string DeclarationsFact = "declarations";

    private const string EnvironmentalDocumentFact = "environment.document";

    /// <summary>A requirement's status in the trace when it does not apply (as <see cref="RequirementTrace.Status"/> names it).</summary>
    private static readonly string NotApplicable = JsonNamingPolicy.CamelCase.ConvertName(nameof(RequirementStatus.NotApplicable));

    /// <summary>
    /// Explains a stored decision from its trace, with the texts of the rule set it was reached under. The decision
    /// keeps each language's explanation once rendered: a submission explains its decision for the notices and
    /// again for its answer.
    /// </summary>
    public static DecisionExplanation Of(Decision decision, CompiledRuleSet ruleSet, Language language)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(ruleSet);
        return ruleSet.Hash == decision.RuleSetHash
            ? decision.ExplainedIn(language, () => Render(decision, ruleSet, language))
            : Render(decision, ruleSet, language);

        static DecisionExplanation Render(Decision decision, CompiledRuleSet ruleSet, Language language) =>
            Of(decision.Outcome, decision.DecidedAt, decision.Scale, decision.RiskLevel, decision.RequiredPermits, decision.Trace, ruleSet, language);
    }

    /// <summary>Explains an evaluation that nobody stored (a pre-check), exactly as the decision would be explained.</summary>
    public static DecisionExplanation Of(Evaluation evaluation, CompiledRuleSet ruleSet, Language language, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        return Of(Outcomes.Of(evaluation.Outcome == Rules.Evaluation.Outcome.Approved), at, evaluation.Scale.ToString().ToLowerInvariant(), evaluation.RiskLevel, evaluation.RequiredPermits, evaluation.Requirements, ruleSet, language);
    }

    private static DecisionExplanation Of(string outcome, DateTimeOffset at, string scale, string riskLevel, IReadOnlyList<string> requiredPermits, IReadOnlyList<RequirementOutcome> trace, CompiledRuleSet ruleSet, Language language)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        var failed = trace
            .Where(o => o.Status == RequirementStatus.Failed)
            .Select(o =>
            {
                var requirement = ruleSet.FindRequirement(o.RequirementId)!;
                var (problem, fix) = PlainWords.Explain(requirement, o, ruleSet, language);
                return new FailedRequirement(
                    requirement.Id,
                    requirement.Title.In(language),
                    problem,
                    fix,
                    new LegalBasisView(requirement.LegalBasis.Regulation, requirement.LegalBasis.Article, requirement.LegalBasis.Url),
                    ruleSet.Explain(o, language));
            })
            .ToList();
        var requirements = trace
            .Select(o => new RequirementTrace(o.RequirementId, ruleSet.FindRequirement(o.RequirementId)?.Title.In(language) ?? o.RequirementId, JsonNamingPolicy.CamelCase.ConvertName(o.Status.ToString()), o.Facts, o.Expected, o.ExpectedValue))
            .ToList();
        var permits = requiredPermits
            .Select(p => new PermitReference(p, ruleSet.Definition.PermitTypes.TryGetValue(p, out var type) ? type.Title.In(language) : p))
            .ToList();
        return new DecisionExplanation(outcome, at, new RuleSetReference(ruleSet.Id, ruleSet.Hash, ruleSet.EffectiveFrom), scale, riskLevel,
            ruleSet.Definition.RiskLevels.TryGetValue(riskLevel, out var risk) ? risk.Title.In(language) : null, permits, failed, requirements);
    }
}

public sealed record RuleSetReference(string Id, string Hash, DateOnly EffectiveFrom);

public sealed record PermitReference(string Type, string Title);

/// <summary>
/// A requirement the application does not meet: <see cref="Message"/> and <see cref="Remedy"/> in plain words for the
/// applicant (<see cref="PlainWords"/>), <see cref="RuleMessage"/> as the rule set words it, with the exact values.
/// </summary>
public sealed record FailedRequirement(string Id, string Title, string Message, string Remedy, LegalBasisView LegalBasis, string RuleMessage);

public sealed record LegalBasisView(string Regulation, string Article, string? Url);

public sealed record RequirementTrace(string Id, string Title, string Status, IReadOnlyList<FactReading> Facts, string Expected, string ExpectedValue);
