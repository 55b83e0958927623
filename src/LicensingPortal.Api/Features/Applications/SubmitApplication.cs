using System.Security.Claims;
using LicensingPortal.Api.Infrastructure;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Permits;
using LicensingPortal.Rules.Model;

namespace LicensingPortal.Api.Features.Applications;

/// <summary>
/// Submit an application: the requirements engine decides it at once under the rule set in force today, and the
/// application, its decision, its permits, the notices and the log entries are stored together.
/// </summary>
public static class SubmitApplication
{
    public sealed record Command(Guid OwnerId, ApplicationRequest Request, Language Language) : ICommand<Result<ApplicationResponse>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Request).NotNull().SetValidator(new ApplicationRequestValidator());
    }

    public sealed class Handler(ApplicationIntake intake, DecisionRecorder recorder, PermitLinks links, TimeProvider time) : ICommandHandler<Command, Result<ApplicationResponse>>
    {
        public async ValueTask<Result<ApplicationResponse>> Handle(Command command, CancellationToken cancellationToken)
        {
            var received = time.GetTimestamp();
            var taken = await intake.TakeAsync(command.OwnerId, command.Request, command.Language, corrects: null, cancellationToken);
            if (!taken.Succeeded)
            {
                return taken.Error!;
            }

            var (application, _, _, ruleSet, _, _) = taken.Value;
            var (permits, promise, _) = await recorder.RecordAsync(taken.Value, received, cancellationToken);
            return ApplicationResponse.From(application, ruleSet, command.Language, permits.Select(p => PermitResponse.From(p, ruleSet, command.Language, application.SubmissionDate, links)).ToList(), resubmission: null, promise);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/", async Task<Results<Created<ApplicationResponse>, ProblemHttpResult>> (ApplicationRequest request, ClaimsPrincipal user, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
            {
                var language = RequestLanguage.From(http);
                RequestLanguage.SetContentLanguage(http, language);
                return (await sender.Send(new Command(user.UserId(), request, language), cancellationToken)).ToCreated(a => $"/api/applications/{a.Id}");
            })
            .WithName("SubmitApplication")
            .WithSummary("Submit an application; the requirements engine decides it at once.")
            .ProducesValidationProblem();
}
