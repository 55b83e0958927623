using System.Security.Claims;
using LicensingPortal.Api.Infrastructure;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Permits;
using LicensingPortal.Rules.Model;

namespace LicensingPortal.Api.Features.Applications;

/// <summary>
/// Correct a rejected application and submit it again: decided like any submission, linked to the one it
/// corrects, with what changed. An application is corrected once, by its own applicant, for the same business.
/// </summary>
public static class ResubmitApplication
{
    public sealed record Command(Guid OwnerId, Guid Corrects, ApplicationRequest Request, Language Language) : ICommand<Result<ApplicationResponse>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Corrects).NotEmpty();
            RuleFor(c => c.Request).NotNull().SetValidator(new ApplicationRequestValidator());
        }
    }

    public sealed class Handler(LicensingDbContext db, ApplicationIntake intake, DecisionRecorder recorder, PermitLinks links, TimeProvider time) : ICommandHandler<Command, Result<ApplicationResponse>>
    {
        public async ValueTask<Result<ApplicationResponse>> Handle(Command command, CancellationToken cancellationToken)
        {
            var received = time.GetTimestamp();
            var corrected = await db.ApplicationsOf(command.OwnerId).FirstOrDefaultAsync(a => a.Id == command.Corrects, cancellationToken);
            if (corrected is null)
            {
                return Error.NotFound(ErrorCodes.ApplicationNotFound, "The application was not found.");
            }

            if (corrected.ChangesApplicationId is not null)
            {
                return new Error(ErrorCodes.ApplicationNotResubmittable, StatusCodes.Status409Conflict, "A refused change is corrected by asking for the change again.", "Send POST /api/businesses/{id}/change with the changed answers.");
            }

            if (corrected.RenewsPermitId is not null)
            {
                return new Error(ErrorCodes.ApplicationNotResubmittable, StatusCodes.Status409Conflict, "A refused renewal is corrected by renewing the permit again.", "Send POST /api/permits/{number}/renewal with the changed answers.");
            }

            if (corrected.Status != ApplicationStatus.Rejected || corrected.BusinessId != command.Request.BusinessId
                || await db.Applications.AnyAsync(a => a.PreviousApplicationId == corrected.Id, cancellationToken))
            {
                return new Error(ErrorCodes.ApplicationNotResubmittable, StatusCodes.Status409Conflict, "Only a rejected application can be resubmitted, once, for the same business.");
            }

            var taken = await intake.TakeAsync(command.OwnerId, command.Request, command.Language, corrected, cancellationToken);
            if (!taken.Succeeded)
            {
                return taken.Error!;
            }

            var (application, _, _, ruleSet, _, _) = taken.Value;
            var (permits, promise, _) = await recorder.RecordAsync(taken.Value, received, cancellationToken);
            return ApplicationResponse.From(
                application,
                ruleSet,
                command.Language,
                permits.Select(p => PermitResponse.From(p, ruleSet, command.Language, application.SubmissionDate, links)).ToList(),
                new ResubmissionView(corrected.Id, null, application.ChangesFrom(corrected)),
                promise);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/{id:guid}/resubmission", async Task<Results<Created<ApplicationResponse>, ProblemHttpResult>> (Guid id, ApplicationRequest request, ClaimsPrincipal user, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
            {
                var language = RequestLanguage.From(http);
                RequestLanguage.SetContentLanguage(http, language);
                return (await sender.Send(new Command(user.UserId(), id, request, language), cancellationToken)).ToCreated(a => $"/api/applications/{a.Id}");
            })
            .WithName("ResubmitApplication")
            .WithSummary("Correct a rejected application and submit it again; the new application links to the rejected one.")
            .ProducesValidationProblem();
}
