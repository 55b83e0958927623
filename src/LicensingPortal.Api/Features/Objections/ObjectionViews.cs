using LicensingPortal.Api.Infrastructure.Rules;
using LicensingPortal.Rules.Evaluation;
using LicensingPortal.Rules.Model;

namespace LicensingPortal.Api.Features.Objections;

/// <summary>A requirement a refusal failed, by its id in the rule set and its title in the reader's language.</summary>
public sealed record RequirementNamed(string Id, string Title);

/// <summary>A document attached to an objection as evidence: its kind (as uploaded), its file's name and when it was uploaded.</summary>
public sealed record ObjectionEvidence(Guid Id, string Kind, string FileName, DateTimeOffset UploadedAt);

/// <summary>
/// An owner's appeal to the mayor after the refusal stood on objection: their words, when it came, by when the mayor's
/// office must answer and whether it is (or was) late, and the answer once given.
/// </summary>
public sealed record AppealView(string Reason, DateTimeOffset FiledAt, DateOnly AnswerDueOn, bool Late, ObjectionOutcome? Outcome, string? Answer, DateTimeOffset? AnsweredAt)
{
    public static AppealView? Of(ObjectionAppeal? appeal, DateOnly today) => appeal is null ? null
        : new(appeal.Reason, appeal.FiledAt, appeal.AnswerDueOn, appeal.IsLate(today), appeal.Outcome, appeal.Answer, appeal.AnsweredAt);
}

/// <summary>
/// An objection as its owner and the officers read it: what the owner said, which failed requirements they contest
/// and the documents they attached, by when the office must answer and whether it is (or was) late, the answer once
/// given, and the appeal to the mayor once sent.
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
    DateTimeOffset? AnsweredAt,
    IReadOnlyList<ObjectionEvidence> Evidence,
    AppealView? Appeal = null);

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

    /// <summary>The documents <paramref name="objection"/> attached, in the order the owner uploaded them.</summary>
    public static async Task<IReadOnlyList<ObjectionEvidence>> EvidenceAsync(LicensingDbContext db, Objection objection, CancellationToken cancellationToken) =>
        (await EvidenceOfAsync(db, [objection], cancellationToken))[objection.Id];

    /// <summary>The evidence of several objections in one query, each objection's oldest upload first.</summary>
    public static async Task<IReadOnlyDictionary<Guid, IReadOnlyList<ObjectionEvidence>>> EvidenceOfAsync(LicensingDbContext db, IReadOnlyCollection<Objection> objections, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(objections);
        var ids = objections.SelectMany(o => o.DocumentIds).Distinct().ToList();
        var documents = ids.Count == 0
            ? []
            : await db.Documents.AsNoTracking().Where(d => ids.Contains(d.Id))
                .Select(d => new ObjectionEvidence(d.Id, d.Kind, d.FileName, d.UploadedAt)).ToListAsync(cancellationToken);
        return objections.ToDictionary(
            o => o.Id,
            o => (IReadOnlyList<ObjectionEvidence>)[.. documents.Where(d => o.DocumentIds.Contains(d.Id)).OrderBy(d => d.UploadedAt).ThenBy(d => d.Id)]);
    }

    public static ObjectionView View(Objection objection, IReadOnlyList<RequirementNamed> failures, IReadOnlyList<ObjectionEvidence> evidence, DateOnly today) => new(
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
        objection.AnsweredAt,
        evidence,
        AppealView.Of(objection.Appeal, today));

    /// <summary>The owner's page of an objection, as the notices link to it.</summary>
    public static string PageOf(PublicAddress address, Objection objection) => $"{address.BaseUrl()}/pemohon/permohonan/{objection.ApplicationId}/keberatan";

    public static readonly Error NotFound = Error.NotFound(ErrorCodes.ObjectionNotFound, "No such objection.");

    public static readonly Error AppealNotFound = Error.NotFound(ErrorCodes.AppealNotFound, "No such appeal.");
}
