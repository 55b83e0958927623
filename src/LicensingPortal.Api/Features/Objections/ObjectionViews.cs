using LicensingPortal.Api.Infrastructure.Rules;
using LicensingPortal.Rules.Evaluation;
using LicensingPortal.Rules.Model;

namespace LicensingPortal.Api.Features.Objections;

/// <summary>A requirement a refusal failed, by its id in the rule set and its title in the reader's language.</summary>
public sealed record RequirementNamed(string Id, string Title);

/// <summary>
/// An objection as its owner and the officers read it: what the owner said and which failed requirements they
/// contest, by when the office must answer and whether it is (or was) late, and the answer once given.
/// </summary>
public sealed record ObjectionView(
    Guid Id,
    Guid ApplicationId,
    string ApplicationReference,
    DateTimeOffset FiledAt,
    string Reason,
    IReadOnlyList<RequirementNamed> Requirements,
    DateOnly AnswerDueOn,
    bool Late,
    ObjectionOutcome? Outcome,
    string? Answer,
    DateTimeOffset? AnsweredAt);

/// <summary>Reads objections for their owner and for the officers alike, so both read the same words.</summary>
internal static class ObjectionReads
{
    /// <summary>
    /// The requirements <paramref name="decision"/> failed, in the order its explanation lists them, titled in
    /// <paramref name="language"/> by the rule set it was made under (the titles alone: no need to explain the decision).
    /// </summary>
    public static async Task<IReadOnlyList<RequirementNamed>> FailuresAsync(LicensingDbContext db, RuleSetCatalog rules, Decision decision, Language language, CancellationToken cancellationToken)
    {
        var ruleSet = await rules.FindByHashAsync(decision.RuleSetHash, db, cancellationToken)
            ?? throw new InvalidOperationException($"Rule set {decision.RuleSetHash} is not stored.");
        return [.. decision.Trace.Where(o => o.Status == RequirementStatus.Failed)
            .Select(o => new RequirementNamed(o.RequirementId, ruleSet.FindRequirement(o.RequirementId)!.Title.In(language)))];
    }

    public static ObjectionView View(Objection objection, IReadOnlyList<RequirementNamed> failures, DateOnly today) => new(
        objection.Id,
        objection.ApplicationId,
        ApplicationReference.Of(objection.ApplicationId),
        objection.FiledAt,
        objection.Reason,
        [.. failures.Where(f => objection.RequirementIds.Contains(f.Id, StringComparer.Ordinal))],
        objection.AnswerDueOn,
        objection.IsLate(today),
        objection.Outcome,
        objection.Answer,
        objection.AnsweredAt);

    /// <summary>The owner's page of an objection, as the notices link to it.</summary>
    public static string PageOf(PublicAddress address, Objection objection) => $"{address.BaseUrl()}/pemohon/permohonan/{objection.ApplicationId}/keberatan";

    public static readonly Error NotFound = Error.NotFound(ErrorCodes.ObjectionNotFound, "No such objection.");
}
