using System.Security.Claims;
using LicensingPortal.Api.Infrastructure;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Permits;
using LicensingPortal.Api.Infrastructure.Rules;
using LicensingPortal.Rules.Model;

namespace LicensingPortal.Api.Features.Applications;

/// <summary>
/// Read one's own application with its status, its decision explained in the reader's language, the permits it
/// issued and its place in a chain of corrections. Another applicant's application answers 404.
/// </summary>
public static class GetApplication
{
    public sealed record Query(Guid OwnerId, Guid Id, Language Language) : IQuery<Result<ApplicationResponse>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Id).NotEmpty();
    }

    public sealed class Handler(LicensingDbContext db, RuleSetCatalog rules, PermitLinks links, TimeProvider time) : IQueryHandler<Query, Result<ApplicationResponse>>
    {
        public async ValueTask<Result<ApplicationResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            var application = await db.ApplicationsOf(query.OwnerId).AsNoTracking()
                .Include(a => a.Decision)
                .FirstOrDefaultAsync(a => a.Id == query.Id, cancellationToken);
            if (application is null)
            {
                return Error.NotFound(ErrorCodes.ApplicationNotFound, "The application was not found.");
            }

            var ruleSet = application.Decision is { } decision ? await rules.FindByHashAsync(decision.RuleSetHash, db, cancellationToken) : null;
            var today = Wita.Today(time);
            var permits = await db.Permits.AsNoTracking().Where(p => p.ApplicationId == application.Id).OrderBy(p => p.Number).ToListAsync(cancellationToken);
            var previous = application.PreviousApplicationId is { } previousId
                ? await db.Applications.AsNoTracking().SingleAsync(a => a.Id == previousId, cancellationToken)
                : null;
            var next = await db.Applications.AsNoTracking().Where(a => a.PreviousApplicationId == application.Id).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken);
            var resubmission = previous is null && next is null
                ? null
                : new ResubmissionView(previous?.Id, next, previous is null ? [] : application.ChangesFrom(previous));
            var renews = application.RenewsPermitId is { } renewsId
                ? await db.Permits.AsNoTracking().Where(p => p.Id == renewsId).Select(p => p.Number).SingleAsync(cancellationToken)
                : null;
            IReadOnlyList<FieldChange>? changes = null;
            List<Permit> ended = [];
            if (application.ChangesApplicationId is { } changedId)
            {
                changes = BusinessChanges.ChangesOf(await db.Applications.AsNoTracking().SingleAsync(a => a.Id == changedId, cancellationToken), application);
                ended = await db.Permits.AsNoTracking().Where(p => p.ReplacedByApplicationId == application.Id).OrderBy(p => p.Number).ToListAsync(cancellationToken);
            }

            var linked = await PermitResponse.LinkedNumbersAsync(db, permits.Concat(ended), cancellationToken);
            return ApplicationResponse.From(application, ruleSet, query.Language, permits.Select(p => PermitResponse.From(p, ruleSet, query.Language, today, links, linked)).ToList(), resubmission, renews: renews) with
            {
                Changes = changes,
                Ended = changes is null ? null : ended.Select(p => PermitResponse.From(p, ruleSet, query.Language, today, links, linked)).ToList(),
            };
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/{id:guid}", async Task<Results<Ok<ApplicationResponse>, ProblemHttpResult>> (Guid id, ClaimsPrincipal user, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
            {
                var language = RequestLanguage.From(http);
                RequestLanguage.SetContentLanguage(http, language);
                return (await sender.Send(new Query(user.UserId(), id, language), cancellationToken)).ToOk();
            })
            .WithName("GetApplication")
            .WithSummary("Read an application, its status and its decision with every reason.");
}
