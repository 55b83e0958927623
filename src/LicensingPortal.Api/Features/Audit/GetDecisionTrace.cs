using System.Text.Json.Nodes;
using LicensingPortal.Rules.Evaluation;
using LicensingPortal.Api.Infrastructure.Rules;
using LicensingPortal.Rules.Facts;
using LicensingPortal.Rules.Model;

namespace LicensingPortal.Api.Features.Audit;

/// <summary>
/// A decision's full trace for officers: the facts as they were evaluated (personal identifiers masked), the rule
/// set it was reached under, every requirement's outcome with the values it read (and by title, failed first), the
/// case (who applied, the business, the documents), the notes, and its log entries.
/// </summary>
public static class GetDecisionTrace
{
    /// <summary>A note on a decision, with its author's e-mail address (null once the account is gone): notes are written on the record, by name.</summary>
    public sealed record NoteView(Guid Id, Guid AuthorId, string Text, DateTimeOffset CreatedAt, string? AuthorEmail = null);

    public sealed record LogEntryView(long? Sequence, string Type, string Actor, long OccurredAtMs, string PayloadSha256);

    public sealed record Trace(Guid ApplicationId, string Outcome, DateTimeOffset DecidedAt, string RuleSetId, string RuleSetHash, JsonNode Facts, IReadOnlyList<RequirementOutcome> Requirements, IReadOnlyList<NoteView> Notes, IReadOnlyList<LogEntryView> Log, IReadOnlyList<ChainLink>? Chain = null)
    {
        /// <summary>Who applied and what they sent (the business, the owner's NIK masked, the account, the documents).</summary>
        public CaseFile? Case { get; init; }

        /// <summary>Every requirement by its title (in the asked language) beside its code, failed ones first.</summary>
        public IReadOnlyList<RequirementRow> Rows { get; init; } = [];

        /// <summary>The owner's objection to the decision, when they made one (its log entries are among <see cref="Log"/>).</summary>
        public Guid? ObjectionId { get; init; }

        /// <summary>The rule set's title in the asked language (its id when the version is not stored), as officers name it.</summary>
        public string RuleSetTitle { get; init; } = string.Empty;

        /// <summary>The day the rule set came into force.</summary>
        public DateOnly? RuleSetEffectiveFrom { get; init; }
    }

    /// <summary>
    /// One requirement's outcome as officers read it: its title and code, its status, the values it read and what it
    /// expected; for a failed one, what the applicant was told and asked to do (<see cref="Told"/>), in the applicant's
    /// words and language.
    /// </summary>
    public sealed record RequirementRow(string RequirementId, string Title, RequirementStatus Status, IReadOnlyList<FactReading> Facts, string Expected, JsonNode? ExpectedValue, FailedRequirement? Told = null);

    /// <summary>One application in a chain of renewals: the first application, then each renewal, with the permit it renewed.</summary>
    public sealed record ChainLink(Guid ApplicationId, ApplicationKind Kind, string? Renews, DateOnly SubmissionDate, string? Outcome);

    public sealed record Query(Guid ApplicationId, Language Language = Language.Indonesian) : IQuery<Result<Trace>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.ApplicationId).NotEmpty();
    }

    public static Error NoDecision => Error.NotFound(ErrorCodes.ApplicationNotFound, "No decision for that application.");

    public sealed class Handler(LicensingDbContext db, RuleSetCatalog rules, TimeProvider time) : IQueryHandler<Query, Result<Trace>>
    {
        public async ValueTask<Result<Trace>> Handle(Query query, CancellationToken cancellationToken)
        {
            var applicationId = query.ApplicationId;
            // The decision and the applicant's language in one query: what the applicant was told is in their language,
            // whatever the officer reads in.
            var decided = await db.Applications.AsNoTracking().Where(a => a.Id == applicationId && a.Decision != null)
                .Select(a => new { a.Decision, a.Language }).FirstOrDefaultAsync(cancellationToken);
            if (decided?.Decision is not { } decision)
            {
                return NoDecision;
            }

            var ruleSetId = await db.RuleSetVersions.AsNoTracking().Where(v => v.Hash == decision.RuleSetHash).Select(v => v.RuleSetId).SingleAsync(cancellationToken);
            var notes = await (from n in db.DecisionNotes.AsNoTracking().Where(n => n.ApplicationId == applicationId)
                               join u in db.Users on n.AuthorId equals u.Id into authors
                               from author in authors.DefaultIfEmpty()
                               orderby n.CreatedAt
                               select new NoteView(n.Id, n.AuthorId, n.Text, n.CreatedAt, author != null ? author.Email : null)).ToListAsync(cancellationToken);
            var objectionId = await db.Objections.AsNoTracking().Where(o => o.ApplicationId == applicationId).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(cancellationToken);
            var subjects = notes.Select(n => n.Id)
                .Concat(await db.Permits.AsNoTracking().Where(p => p.ApplicationId == applicationId || p.ReplacedByApplicationId == applicationId).Select(p => p.Id).ToListAsync(cancellationToken))
                .Append(applicationId)
                .Concat(objectionId is { } objection ? [objection] : [])
                .ToList();
            var log = await db.TransparencyLog.AsNoTracking().Where(e => subjects.Contains(e.SubjectId)).OrderBy(e => e.Sequence)
                .Select(e => new LogEntryView(e.Sequence, e.Type, e.Actor, e.OccurredAtMs, e.PayloadSha256)).ToListAsync(cancellationToken);
            var ruleSet = await rules.FindByHashAsync(decision.RuleSetHash, db, cancellationToken);
            var told = ruleSet is null ? [] : DecisionExplanation.Of(decision, ruleSet, Languages.Parse(decided.Language)).FailedRequirements.ToDictionary(f => f.Id, StringComparer.Ordinal);
            var rows = decision.Trace
                .OrderBy(o => o.Status == RequirementStatus.Failed ? 0 : 1)
                .Select(o => new RequirementRow(o.RequirementId, ruleSet?.FindRequirement(o.RequirementId)?.Title.In(query.Language) ?? o.RequirementId, o.Status, o.Facts, o.Expected, o.ExpectedValue, told.GetValueOrDefault(o.RequirementId)))
                .ToList();
            return new Trace(applicationId, decision.Outcome, decision.DecidedAt, ruleSetId, decision.RuleSetHash, MaskedFacts(decision.FactsJson), decision.Trace, notes, log, await ChainAsync(applicationId, cancellationToken))
            {
                Case = await CaseFile.OfAsync(db, applicationId, ruleSet, query.Language, Wita.Today(time), cancellationToken),
                Rows = rows,
                ObjectionId = objectionId,
                RuleSetTitle = ruleSet?.Definition.Title.In(query.Language) ?? ruleSetId,
                RuleSetEffectiveFrom = ruleSet?.EffectiveFrom,
            };
        }

        /// <summary>
        /// The chain of renewals and changes an application is part of, oldest first: back through the permits each
        /// renewal renewed and the application each change changed, to the first application, and forward through the
        /// approved renewals of the permits it issued or the first approved change of it. Empty when it is alone.
        /// </summary>
        private async Task<IReadOnlyList<ChainLink>> ChainAsync(Guid applicationId, CancellationToken cancellationToken)
        {
            const int Longest = 100;
            var chain = new List<Guid> { applicationId };
            var renews = new Dictionary<Guid, Guid>();
            for (var id = applicationId; chain.Count < Longest;)
            {
                var before = await db.Applications.AsNoTracking().Where(a => a.Id == id).Select(a => new { a.RenewsPermitId, a.ChangesApplicationId }).SingleAsync(cancellationToken);
                if (before.RenewsPermitId is { } permitId)
                {
                    renews[id] = permitId;
                    id = await db.Permits.AsNoTracking().Where(p => p.Id == permitId).Select(p => p.ApplicationId).SingleAsync(cancellationToken);
                }
                else if (before.ChangesApplicationId is { } changed)
                {
                    id = changed;
                }
                else
                {
                    break;
                }

                chain.Insert(0, id);
            }

            for (var id = applicationId; chain.Count < Longest;)
            {
                var successor = await db.Permits.AsNoTracking().Where(p => p.ApplicationId == id && p.RenewedByPermitId != null).OrderBy(p => p.Number).Select(p => p.RenewedByPermitId).FirstOrDefaultAsync(cancellationToken);
                var next = successor is { } permitId
                    ? await db.Permits.AsNoTracking().Where(p => p.Id == permitId).Select(p => (Guid?)p.ApplicationId).SingleAsync(cancellationToken)
                    : await db.Applications.AsNoTracking().Where(a => a.ChangesApplicationId == id && a.Status == ApplicationStatus.Approved).OrderBy(a => a.SubmittedAt).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken);
                if (next is not { } following)
                {
                    break;
                }

                id = following;
                chain.Add(id);
            }

            if (chain.Count == 1)
            {
                return [];
            }

            var applications = await db.Applications.AsNoTracking().Include(a => a.Decision).Where(a => chain.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
            var renewedIds = applications.Values.Select(a => a.RenewsPermitId).OfType<Guid>().ToList();
            var numbers = await db.Permits.AsNoTracking().Where(p => renewedIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Number, cancellationToken);
            return chain.Select(id => applications[id]).Select(a => new ChainLink(
                a.Id,
                a.Kind,
                a.RenewsPermitId is { } permit ? numbers[permit] : null,
                a.SubmissionDate,
                a.Decision?.Outcome)).ToList();
        }
    }

    /// <summary>The stored facts as officers see them: personal identifiers masked, everything else as evaluated.</summary>
    private static JsonObject MaskedFacts(string factsJson)
    {
        var facts = JsonNode.Parse(factsJson)!.AsObject();
        foreach (var name in new[] { "nik", "npwp" })
        {
            if (facts[name] is JsonValue value && value.TryGetValue<string>(out var text))
            {
                facts[name] = FactDefinition.Mask(text);
            }
        }

        return facts;
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/decisions/{applicationId:guid}", async Task<Results<Ok<Trace>, ProblemHttpResult>> (Guid applicationId, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(applicationId, Cultures.Current), cancellationToken)).ToOk())
            .WithName("GetDecisionTrace")
            .WithSummary("A decision's full trace: the facts as they were (identifiers masked), the rule set hash, every requirement's outcome with its values (rows: by title, failed first, each failed one with what the applicant was told, in the applicant's language), notes and log entries.");
}
