using LicensingPortal.Rules.Model;
using System.Security.Claims;
using LicensingPortal.Api.Infrastructure;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Permits;

namespace LicensingPortal.Api.Features.Applications;

/// <summary>
/// Change a running business (perubahan): its location, activities, scale or environment, stated as the whole
/// application (GET .../change gives the current answers to start from) and decided at once by the engine under the
/// rule set in force today, against the business's permits in force. Approved, it re-issues what changed (a new
/// permit where what it covers or where differs, one the changed business needs newly, the end of one it no longer
/// needs; the NIB kept); rejected, every failed requirement is explained and nothing changes. One change of a
/// business at a time: a concurrent one waits for the first and then decides on what it left.
/// </summary>
public static class ChangeBusiness
{
    public sealed record Command(Guid OwnerId, Guid BusinessId, ApplicationRequest Request, Language Language) : ICommand<Result<ApplicationResponse>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.BusinessId).NotEmpty();
            RuleFor(c => c.Request).NotNull().SetValidator(new ApplicationRequestValidator());
        }
    }

    public sealed class Handler(LicensingDbContext db, ApplicationIntake intake, DecisionRecorder recorder, PermitLinks links, TimeProvider time) : ICommandHandler<Command, Result<ApplicationResponse>>
    {
        public async ValueTask<Result<ApplicationResponse>> Handle(Command command, CancellationToken cancellationToken)
        {
            var received = time.GetTimestamp();
            if (!await db.BusinessesOf(command.OwnerId).AnyAsync(b => b.Id == command.BusinessId, cancellationToken))
            {
                return BusinessChanges.NotFound;
            }

            // One change of a business at a time, and none while it is renewed or closed: this write on the business's
            // row makes the others wait until this one commits, and then read what it left.
            await db.LockBusinessAsync(command.BusinessId, cancellationToken);
            var business = await db.Businesses.SingleAsync(b => b.Id == command.BusinessId, cancellationToken);
            var start = await BusinessChanges.StartingPointAsync(db, business, cancellationToken);
            if (!start.Succeeded)
            {
                return start.Error!;
            }

            var current = start.Value;

            var today = Wita.Today(time);
            var held = await BusinessChanges.HeldAsync(db, current, today, cancellationToken);
            var taken = await intake.TakeAsync(command.OwnerId, command.Request with { BusinessId = business.Id }, command.Language, corrects: null, cancellationToken, changes: current, held: held);
            if (!taken.Succeeded)
            {
                return taken.Error!;
            }

            var (application, _, _, ruleSet, _, _) = taken.Value;
            var changes = BusinessChanges.ChangesOf(current, application);
            if (changes.Count == 0)
            {
                return BusinessChanges.NothingChanged;
            }

            var (permits, promise, ended) = await recorder.RecordAsync(taken.Value, received, cancellationToken);
            var linked = permits.Concat(ended).ToDictionary(p => p.Id, p => p.Number);
            return ApplicationResponse.From(
                application,
                ruleSet,
                command.Language,
                permits.Select(p => PermitResponse.From(p, ruleSet, command.Language, application.SubmissionDate, links, linked)).ToList(),
                resubmission: null,
                promise) with
            {
                Changes = changes,
                Ended = ended.Select(p => PermitResponse.From(p, ruleSet, command.Language, application.SubmissionDate, links, linked)).ToList(),
            };
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/{id:guid}/change", async Task<Results<Created<ApplicationResponse>, ProblemHttpResult>> (Guid id, ApplicationRequest request, ClaimsPrincipal user, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
            {
                var language = RequestLanguage.From(http);
                RequestLanguage.SetContentLanguage(http, language);
                return (await sender.Send(new Command(user.UserId(), id, request, language), cancellationToken)).ToCreated(a => $"/api/applications/{a.Id}");
            })
            .WithName("ChangeBusiness")
            .WithSummary("Change one of your running businesses (location, activities, scale, environment): the whole application as it should now read (GET .../change gives the current answers). Decided at once under the rule set in force today; approved, the permits that changed are re-issued and the ones no longer needed end; rejected, nothing changes.")
            .ProducesValidationProblem();
}
