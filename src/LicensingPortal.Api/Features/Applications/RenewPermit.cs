using System.Security.Claims;
using LicensingPortal.Api.Infrastructure;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Permits;
using LicensingPortal.Rules.Model;

namespace LicensingPortal.Api.Features.Applications;

/// <summary>
/// Renew a permit (perpanjangan) in the 90 days before it ends, up to its last day: an application of the permit's
/// business, with the answers of the application that issued it or the ones the owner changed, decided at once by
/// the engine under the rule set in force today. Approved, it issues the renewed permit, valid from the day after
/// the old one ends and linked both ways; rejected, every failed requirement is explained and the old permit runs to
/// its end. A permit is renewed once; a concurrent second renewal waits for the first and then answers 409.
/// </summary>
public static class RenewPermit
{
    public sealed record Command(Guid OwnerId, string Number, ApplicationRequest? Request, Language Language) : ICommand<Result<ApplicationResponse>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Number).NotEmpty().MaximumLength(40);
            RuleFor(c => c.Request!).SetValidator(new ApplicationRequestValidator()).When(c => c.Request is not null);
        }
    }

    public sealed class Handler(LicensingDbContext db, ApplicationIntake intake, DecisionRecorder recorder, PermitLinks links, TimeProvider time) : ICommandHandler<Command, Result<ApplicationResponse>>
    {
        public async ValueTask<Result<ApplicationResponse>> Handle(Command command, CancellationToken cancellationToken)
        {
            var received = time.GetTimestamp();
            var found = await db.PermitsOf(command.OwnerId).Where(p => p.Number == command.Number).Select(p => new { p.Id, p.BusinessId }).FirstOrDefaultAsync(cancellationToken);
            if (found is null)
            {
                return PermitRenewals.NotFound;
            }

            // One renewal of a permit at a time, and none while its business is being closed: these writes on the
            // business's row (first, in the order closing takes it) and on the permit's make a concurrent renewal or
            // closing wait here until the other commits, and then read the permit renewed or closed. (SQLite has one
            // writer anyway.)
            var id = found.Id;
            await db.LockBusinessAsync(found.BusinessId, cancellationToken);
            await db.Permits.Where(p => p.Id == id).ExecuteUpdateAsync(set => set.SetProperty(p => p.RenewedByPermitId, p => p.RenewedByPermitId), cancellationToken);
            var permit = await db.Permits.SingleAsync(p => p.Id == id, cancellationToken);
            if (PermitRenewals.Refusal(permit, Wita.Today(time)) is { } refusal)
            {
                return refusal;
            }

            var request = (command.Request ?? await PermitRenewals.AnswersOfAsync(db, permit, cancellationToken)) with { BusinessId = permit.BusinessId };
            if (await PermitRenewals.ChangesWhatItRenewsAsync(db, permit, request, cancellationToken) is { } changed)
            {
                return changed;
            }

            var taken = await intake.TakeAsync(command.OwnerId, request, command.Language, corrects: null, cancellationToken, renews: permit);
            if (!taken.Succeeded)
            {
                return taken.Error!;
            }

            var (application, _, _, ruleSet, _, _) = taken.Value;
            var (permits, promise, _) = await recorder.RecordAsync(taken.Value, received, cancellationToken);
            var linked = permits.Append(permit).ToDictionary(p => p.Id, p => p.Number);
            return ApplicationResponse.From(
                application,
                ruleSet,
                command.Language,
                permits.Select(p => PermitResponse.From(p, ruleSet, command.Language, application.SubmissionDate, links, linked)).ToList(),
                resubmission: null,
                promise,
                permit.Number);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/{number}/renewal", async Task<Results<Created<ApplicationResponse>, ProblemHttpResult>> (string number, ApplicationRequest request, ClaimsPrincipal user, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
            {
                var language = RequestLanguage.From(http);
                RequestLanguage.SetContentLanguage(http, language);
                return (await sender.Send(new Command(user.UserId(), number, request, language), cancellationToken)).ToCreated(a => $"/api/applications/{a.Id}");
            })
            .WithName("RenewPermit")
            .WithSummary("Renew one of your permits in the 90 days before it ends, with the answers of the application that issued it (GET .../renewal gives them) as they stand or changed; the business is the permit's. Decided at once under the rule set in force today.")
            .ProducesValidationProblem();
}
