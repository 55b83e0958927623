using LicensingPortal.Api.Data;
using LicensingPortal.Api.Infrastructure;
using LicensingPortal.Api.Infrastructure.Errors;
using LicensingPortal.Api.Infrastructure.Rules;
using LicensingPortal.Rules.Model;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LicensingPortal.Api.Features.Applications;

/// <summary>Read an application with its status and decision, explained in the reader's language.</summary>
public static class GetApplication
{
    public sealed record Query(Guid Id, Language Language) : IQuery<Result<ApplicationResponse>>;

    public sealed class Handler(LicensingDbContext db, RuleSetCatalog rules) : IQueryHandler<Query, Result<ApplicationResponse>>
    {
        public async ValueTask<Result<ApplicationResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            var application = await db.Applications.AsNoTracking()
                .Include(a => a.Decision)
                .FirstOrDefaultAsync(a => a.Id == query.Id, cancellationToken);
            if (application is null)
            {
                return Error.NotFound(ErrorCodes.ApplicationNotFound, "The application was not found.");
            }

            var ruleSet = application.Decision is { } decision ? await rules.FindByHashAsync(decision.RuleSetHash, db, cancellationToken) : null;
            return DecisionView.Render(application, ruleSet, query.Language);
        }
    }

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/{id:guid}", async Task<Results<Ok<ApplicationResponse>, ProblemHttpResult>> (Guid id, HttpContext http, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var language = RequestLanguage.From(http);
                var result = await mediator.Send(new Query(id, language), cancellationToken);
                if (!result.Succeeded)
                {
                    return result.Error!.ToProblem();
                }

                RequestLanguage.SetContentLanguage(http, language);
                return TypedResults.Ok(result.Value);
            })
            .WithName("GetApplication")
            .WithSummary("Read an application, its status and its decision with every reason.");
}
