using System.Security.Claims;
using LicensingPortal.Api.Infrastructure;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Rules.Model;

namespace LicensingPortal.Api.Features.Applications;

/// <summary>
/// Checks an application before it is sent: the rule set in force today evaluates the answers exactly as a
/// submission would, and the answer is the would-be decision — outcome, scale, risk, required permits and every
/// requirement that would fail, with its message, remedy and legal basis. Nothing is stored: no application, no
/// log entry, no counter, no notification.
/// </summary>
public static class PrecheckApplication
{
    public sealed record Query(Guid OwnerId, ApplicationRequest Request, Language Language) : IQuery<Result<DecisionExplanation>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Request).NotNull().SetValidator(new ApplicationRequestValidator());
    }

    public sealed class Handler(ApplicationIntake intake, TimeProvider time) : IQueryHandler<Query, Result<DecisionExplanation>>
    {
        public async ValueTask<Result<DecisionExplanation>> Handle(Query query, CancellationToken cancellationToken)
        {
            var taken = await intake.TakeAsync(query.OwnerId, query.Request, query.Language, corrects: null, cancellationToken);
            if (!taken.Succeeded)
            {
                return taken.Error!;
            }

            var (application, business, documentKinds, ruleSet, _, _) = taken.Value;
            var evaluation = ruleSet.Evaluate(application.FactsFor(business, documentKinds));
            Infrastructure.Telemetry.PortalTelemetry.Prechecked(evaluation.Outcome == Rules.Evaluation.Outcome.Approved);
            return DecisionExplanation.Of(evaluation, ruleSet, query.Language, time.GetUtcNow());
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/precheck", async Task<Results<Ok<DecisionExplanation>, ProblemHttpResult>> (ApplicationRequest request, ClaimsPrincipal user, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
            {
                var language = RequestLanguage.From(http);
                RequestLanguage.SetContentLanguage(http, language);
                return (await sender.Send(new Query(user.UserId(), request, language), cancellationToken)).ToOk();
            })
            .RequireRateLimiting(AuthSetup.PrecheckLimit)
            .WithName("PrecheckApplication")
            .WithSummary("Check an application before sending it: the would-be decision with every failing requirement. Stores nothing.")
            .ProducesValidationProblem();
}
