using System.Security.Claims;
using LicensingPortal.Api.Infrastructure;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Rules;
using LicensingPortal.Rules.Model;

namespace LicensingPortal.Api.Features.Objections;

/// <summary>
/// Where one's own application stands for an objection: the objection and its answer once filed; before that,
/// whether it may still be objected to, until which day, and the failed requirements one may name. Another
/// applicant's application is not found.
/// </summary>
public static class GetObjection
{
    /// <summary>
    /// <c>Objection</c>: the objection, once filed. <c>CanObject</c>: whether one may be filed now (a refusal, none yet,
    /// in time). <c>LastDayToObject</c>: for a refusal, the last working day (WITA) the law gives to object.
    /// <c>FailedRequirements</c>: for a refusal, the requirements it failed, which an objection may name.
    /// <c>BusinessName</c> and <c>DecidedAt</c>: what the application was for and when it was decided (none while undecided).
    /// <c>TakenUntil</c>: the last day an objection is still taken (the same day once the holidays of the years it spans
    /// are known; two weeks later while they are not). <c>SentAgainAs</c>: the application that corrected this one,
    /// once the owner sent it again. <c>LastDayToAppeal</c>: once answered, the last working day to appeal to the mayor;
    /// <c>AppealTakenUntil</c>: the last day an appeal is still taken (later by the holiday margin while a year's holidays
    /// it spans were not set when the answer was given).
    /// </summary>
    public sealed record Response(ObjectionView? Objection, bool CanObject, DateOnly? LastDayToObject, IReadOnlyList<RequirementNamed> FailedRequirements, string BusinessName, DateTimeOffset? DecidedAt, DateOnly? TakenUntil = null, Guid? SentAgainAs = null, DateOnly? LastDayToAppeal = null, DateOnly? AppealTakenUntil = null)
    {
        /// <summary>The day to tell the owner to object by: the law's as counted here, or once it has passed, the last day it is still taken.</summary>
        public DateOnly? DayToTell(DateOnly today) => LastDayToObject is { } last && today > last ? TakenUntil : LastDayToObject;

        /// <summary>Whether the owner may still appeal to the mayor: the refusal stood on objection, no appeal sent yet, and the last day to appeal has not passed.</summary>
        public bool CanAppeal(DateOnly today) => Objection is { Outcome: ObjectionOutcome.Stands, Appeal: null } && (AppealTakenUntil ?? LastDayToAppeal) is { } last && today <= last;

        /// <summary>The day to tell the owner to appeal by: the law's as counted here, or once it has passed, the last day it is still taken.</summary>
        public DateOnly? AppealDayToTell(DateOnly today) => LastDayToAppeal is { } last && today > last ? AppealTakenUntil : LastDayToAppeal;
    }

    public sealed record Query(Guid OwnerId, Guid ApplicationId, Language Language) : IQuery<Result<Response>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.ApplicationId).NotEmpty();
    }

    public sealed class Handler(LicensingDbContext db, RuleSetCatalog rules, TimeProvider time) : IQueryHandler<Query, Result<Response>>
    {
        public async ValueTask<Result<Response>> Handle(Query query, CancellationToken cancellationToken)
        {
            var found = await db.ApplicationsOf(query.OwnerId).AsNoTracking().Where(a => a.Id == query.ApplicationId)
                .Join(db.Businesses, a => a.BusinessId, b => b.Id, (a, b) => new { a.Decision, b.Name })
                .FirstOrDefaultAsync(cancellationToken);
            if (found is null)
            {
                return Error.NotFound(ErrorCodes.ApplicationNotFound, "The application was not found.");
            }

            var objection = await db.Objections.AsNoTracking().FirstOrDefaultAsync(o => o.ApplicationId == query.ApplicationId, cancellationToken);
            return await StateAsync(db, rules, found.Decision, found.Name, objection, query.Language, Wita.Today(time), null, cancellationToken);
        }
    }

    /// <summary>The state of an application's objection, from its decision (none while undecided) and its objection (none yet); the working calendar read here unless given.</summary>
    internal static async Task<Response> StateAsync(LicensingDbContext db, RuleSetCatalog rules, Decision? decision, string businessName, Objection? objection, Language language, DateOnly today, WorkingCalendar? calendar, CancellationToken cancellationToken)
    {
        if (decision is not { Approved: false })
        {
            return new Response(null, false, null, [], businessName, decision?.DecidedAt);
        }

        var failures = await ObjectionReads.FailuresAsync(db, rules, decision, language, cancellationToken);
        calendar ??= await db.WorkingCalendarAsync(cancellationToken);
        var sentAgainAs = await db.Applications.AsNoTracking().Where(a => a.PreviousApplicationId == decision.ApplicationId).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken);
        return new Response(
            objection is null ? null : ObjectionReads.View(objection, failures, await ObjectionReads.EvidenceAsync(db, objection, cancellationToken), today),
            objection is null && Objection.MayStillBeFiled(decision.DecidedAt, today, calendar),
            Objection.LastDayToFile(decision.DecidedAt, calendar),
            failures,
            businessName,
            decision.DecidedAt,
            Objection.LastDayTaken(decision.DecidedAt, calendar),
            sentAgainAs,
            Objection.LastDayToAppeal(objection?.AnsweredAt, calendar),
            Objection.LastDayAppealTaken(objection?.AnsweredAt, calendar));
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/{id:guid}/objection", async Task<Results<Ok<Response>, ProblemHttpResult>> (Guid id, ClaimsPrincipal user, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
            {
                var language = RequestLanguage.From(http);
                RequestLanguage.SetContentLanguage(http, language);
                return (await sender.Send(new Query(user.UserId(), id, language), cancellationToken)).ToOk();
            })
            .WithName("GetObjection")
            .WithSummary("Your objection (keberatan) to the refusal of your application and the office's answer; before you file one, whether you still may, until which day, and the failed requirements you may name.");
}
