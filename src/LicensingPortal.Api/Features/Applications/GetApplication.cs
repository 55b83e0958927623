using System.Security.Claims;
using LicensingPortal.Api.Data;
using LicensingPortal.Api.Features.Permits;
using LicensingPortal.Api.Infrastructure;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Errors;
using LicensingPortal.Api.Infrastructure.Rules;
using LicensingPortal.Rules.Model;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LicensingPortal.Api.Features.Applications;

/// <summary>
/// Read one's own application with its status, its decision explained in the reader's language, the permits it
/// issued and its place in a chain of corrections. Another applicant's application answers 404.
/// </summary>
public static class GetApplication
{
    public sealed record Query(Guid OwnerId, Guid Id, Language Language) : IQuery<Result<ApplicationResponse>>;

    public sealed record ListQuery(Guid OwnerId) : IQuery<Result<IReadOnlyList<ApplicationSummary>>>;

    public sealed record ApplicationSummary(Guid Id, Guid BusinessId, Domain.ApplicationStatus Status, IReadOnlyList<string> Kbli, DateTimeOffset SubmittedAt, Guid? PreviousApplicationId);

    public sealed class Handler(LicensingDbContext db, RuleSetCatalog rules, PermitLinks links, TimeProvider time)
        : IQueryHandler<Query, Result<ApplicationResponse>>, IQueryHandler<ListQuery, Result<IReadOnlyList<ApplicationSummary>>>
    {
        public async ValueTask<Result<ApplicationResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            var application = await db.Applications.AsNoTracking()
                .Include(a => a.Decision)
                .FirstOrDefaultAsync(a => a.Id == query.Id && db.Businesses.Any(b => b.Id == a.BusinessId && b.OwnerId == query.OwnerId), cancellationToken);
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
                : new ResubmissionView(previous?.Id, next, previous is null ? [] : DecisionView.Changes(previous, application));
            return DecisionView.Render(application, ruleSet, query.Language, permits.Select(p => links.Render(p, ruleSet, query.Language, today)).ToList(), resubmission);
        }

        public async ValueTask<Result<IReadOnlyList<ApplicationSummary>>> Handle(ListQuery query, CancellationToken cancellationToken) =>
            await db.Applications.AsNoTracking()
                .Where(a => db.Businesses.Any(b => b.Id == a.BusinessId && b.OwnerId == query.OwnerId))
                .OrderByDescending(a => a.SubmittedAt)
                .Select(a => new ApplicationSummary(a.Id, a.BusinessId, a.Status, a.KbliCodes, a.SubmittedAt, a.PreviousApplicationId))
                .ToListAsync(cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/{id:guid}", async Task<Results<Ok<ApplicationResponse>, ProblemHttpResult>> (Guid id, ClaimsPrincipal user, HttpContext http, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var language = RequestLanguage.From(http);
                var result = await mediator.Send(new Query(user.UserId(), id, language), cancellationToken);
                if (!result.Succeeded)
                {
                    return result.Error!.ToProblem();
                }

                RequestLanguage.SetContentLanguage(http, language);
                return TypedResults.Ok(result.Value);
            })
            .WithName("GetApplication")
            .WithSummary("Read an application, its status and its decision with every reason.");

        routes.MapGet("/", async Task<Ok<IReadOnlyList<ApplicationSummary>>> (ClaimsPrincipal user, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok((await mediator.Send(new ListQuery(user.UserId()), cancellationToken)).Value))
            .WithName("ListApplications")
            .WithSummary("List your applications, newest first.");
    }
}
