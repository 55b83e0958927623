namespace LicensingPortal.Api.Domain;

/// <summary>
/// The engine's decision on one application: the outcome, the rule set version (by hash) it was reached
/// under, the facts as evaluated and every requirement's outcome, so that it can be explained and replayed.
/// </summary>
public sealed class Decision
{
    private Decision()
    {
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    public bool Approved { get; private set; }

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

    internal static Decision Record(PermitApplication application, DecisionRecord record, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        ApplicationId = application.Id,
        Approved = record.Approved,
        RuleSetId = record.RuleSetId,
        RuleSetHash = record.RuleSetHash,
        Scale = record.Scale,
        RiskLevel = record.RiskLevel,
        RequiredPermits = [.. record.RequiredPermits],
        FailedRequirementIds = [.. record.FailedRequirementIds],
        FactsJson = record.FactsJson,
        TraceJson = record.TraceJson,
        DecidedAt = now,
        LatencyMs = record.LatencyMs,
    };
}

public sealed record DecisionRecord(
    bool Approved,
    string RuleSetId,
    string RuleSetHash,
    string Scale,
    string RiskLevel,
    IReadOnlyList<string> RequiredPermits,
    IReadOnlyList<string> FailedRequirementIds,
    string FactsJson,
    string TraceJson,
    long LatencyMs = 0);
