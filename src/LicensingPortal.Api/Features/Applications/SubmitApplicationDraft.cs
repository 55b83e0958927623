using System.Security.Claims;
using LicensingPortal.Api.Infrastructure;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Rules.Model;

namespace LicensingPortal.Api.Features.Applications;

/// <summary>
/// Sends a draft: as a submission, as the renewal of a permit, or as the correction of the application it corrects — decided at once, in the
/// same unit of work that marks the draft sent. A draft is sent once: a second press of the button (or a retry)
/// gets the application the first one made.
/// </summary>
public static class SubmitApplicationDraft
{
    public sealed record Command(Guid OwnerId, Guid Id, Language Language) : ICommand<Result<ApplicationResponse>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Id).NotEmpty();
    }

    public static Error AlreadySubmitted => new(ErrorCodes.DraftAlreadySubmitted, StatusCodes.Status409Conflict, "The draft was already sent.");

    public sealed class Handler(LicensingDbContext db, ISender sender, TimeProvider time) : ICommandHandler<Command, Result<ApplicationResponse>>
    {
        public async ValueTask<Result<ApplicationResponse>> Handle(Command command, CancellationToken cancellationToken)
        {
            // Claims the draft: a second send of the same draft waits for the first and then finds it taken.
            var now = time.GetUtcNow();
            var claimed = await db.DraftsOf(command.OwnerId)
                .Where(d => d.Id == command.Id && d.SubmittedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(d => d.SubmittedAt, now), cancellationToken);
            var draft = await db.DraftsOf(command.OwnerId).FirstOrDefaultAsync(d => d.Id == command.Id, cancellationToken);
            if (draft is null)
            {
                return GetApplicationDraft.NotFound;
            }

            if (claimed == 0)
            {
                return draft.SubmittedApplicationId is { } made
                    ? await sender.Send(new GetApplication.Query(command.OwnerId, made, command.Language), cancellationToken)
                    : AlreadySubmitted;
            }

            var answers = ApplicationDraftView.ReadAnswers(draft.AnswersJson);
            var sent = draft.RenewsPermitId is { } renews
                ? await sender.Send(new RenewPermit.Command(command.OwnerId, await db.Permits.Where(p => p.Id == renews).Select(p => p.Number).SingleAsync(cancellationToken), answers, command.Language), cancellationToken)
                : draft.ChangesBusinessId is { } changes
                ? await sender.Send(new ChangeBusiness.Command(command.OwnerId, changes, answers, command.Language), cancellationToken)
                : draft.CorrectsApplicationId is { } corrects
                ? await sender.Send(new ResubmitApplication.Command(command.OwnerId, corrects, answers, command.Language), cancellationToken)
                : await sender.Send(new SubmitApplication.Command(command.OwnerId, answers, command.Language), cancellationToken);
            if (!sent.Succeeded)
            {
                await db.ApplicationDrafts.Where(d => d.Id == draft.Id).ExecuteUpdateAsync(set => set.SetProperty(d => d.SubmittedAt, (DateTimeOffset?)null), cancellationToken);
                return sent;
            }

            draft.MarkSubmitted(sent.Value.Id, now);
            return sent;
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/drafts/{id:guid}/submission", async Task<Results<Created<ApplicationResponse>, ProblemHttpResult>> (Guid id, ClaimsPrincipal user, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
            {
                var language = RequestLanguage.From(http);
                RequestLanguage.SetContentLanguage(http, language);
                return (await sender.Send(new Command(user.UserId(), id, language), cancellationToken)).ToCreated(a => $"/api/applications/{a.Id}");
            })
            .WithName("SubmitApplicationDraft")
            .WithSummary("Send a draft: decided at once, as a submission or as the correction it was started for. A draft is sent once.");
}
