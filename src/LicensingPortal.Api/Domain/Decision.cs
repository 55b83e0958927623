using System.Text.Json;
using LicensingPortal.Rules.Evaluation;
using LicensingPortal.Rules.Facts;

namespace LicensingPortal.Api.Domain;

/// <summary>
/// The engine's decision on one application: the outcome, the rule set version (by hash) it was reached
/// under, the facts as evaluated and every requirement's outcome, so that it can be explained and replayed.
/// </summary>
public sealed class Decision
{
    private IReadOnlyList<RequirementOutcome>? readTrace;
    private ApplicationFacts? readFacts;
    private DecisionExplanation? explainedIndonesian;
    private DecisionExplanation? explainedEnglish;

    private Decision()
    {
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    public bool Approved { get; private set; }

    public string Outcome => Outcomes.Of(Approved);

    public string RuleSetId { get; private set; } = string.Empty;

    public string RuleSetHash { get; private set; } = string.Empty;

    public string Scale { get; private set; } = string.Empty;

    public string RiskLevel { get; private set; } = string.Empty;

    public List<string> RequiredPermits { get; private set; } = [];

    public List<string> FailedRequirementIds { get; private set; } = [];

    /// <summary>The facts exactly as the engine received them (JSON), for replay.</summary>
    public string FactsJson { get; private set; } = string.Empty;

    /// <summary>Every requirement's outcome with the values it read (JSON).</summary>
    public string TraceJson { get; private set; } = string.Empty;

    public DateTimeOffset DecidedAt { get; private set; }

    /// <summary>How long the engine took to decide, from receiving the application to the decision (milliseconds).</summary>
    public long LatencyMs { get; private set; }

    /// <summary>Every requirement's outcome: kept from the evaluation that made the decision, else read once from <see cref="TraceJson"/>.</summary>
    public IReadOnlyList<RequirementOutcome> Trace => readTrace ??= JsonSerializer.Deserialize<List<RequirementOutcome>>(TraceJson, Json.Options) ?? [];

    /// <summary>The facts as evaluated: kept from the evaluation that made the decision, else read once from <see cref="FactsJson"/>.</summary>
    public ApplicationFacts Facts => readFacts ??= JsonSerializer.Deserialize<ApplicationFacts>(FactsJson, Json.Options)
        ?? throw new InvalidOperationException($"Decision {Id} has no stored facts.");

    /// <summary>The explanation in <paramref name="language"/> under the decision's own rule set, rendered once.</summary>
    internal DecisionExplanation ExplainedIn(Rules.Model.Language language, Func<DecisionExplanation> render) =>
        language == Rules.Model.Language.English
            ? explainedEnglish ??= render()
            : explainedIndonesian ??= render();

    internal static Decision Record(PermitApplication application, ApplicationFacts facts, Evaluation evaluation, long latencyMs, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        ApplicationId = application.Id,
        Approved = evaluation.Outcome == Rules.Evaluation.Outcome.Approved,
        RuleSetId = evaluation.RuleSetId,
        RuleSetHash = evaluation.RuleSetHash,
        Scale = evaluation.Scale.ToString().ToLowerInvariant(),
        RiskLevel = evaluation.RiskLevel,
        RequiredPermits = [.. evaluation.RequiredPermits],
        FailedRequirementIds = [.. evaluation.FailedRequirementIds],
        FactsJson = JsonSerializer.Serialize(facts, Json.Options),
        TraceJson = JsonSerializer.Serialize(evaluation.Requirements, Json.Options),
        DecidedAt = now,
        LatencyMs = latencyMs,
        readFacts = facts,
        readTrace = evaluation.Requirements,
    };
}
