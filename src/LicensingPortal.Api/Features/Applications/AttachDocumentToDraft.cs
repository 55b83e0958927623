using System.Security.Claims;
using LicensingPortal.Api.Infrastructure.Auth;

namespace LicensingPortal.Api.Features.Applications;

/// <summary>
/// Attaches one of one's documents to one of one's drafts not sent (a document uploaded from the application's
/// documents page goes with it at once): added to the documents the draft names, no page marked done. Another
/// applicant's draft or document is "not found"; a draft sent, or being sent, is not changed (409).
/// </summary>
public static class AttachDocumentToDraft
{
    public sealed record Request(Guid DocumentId);

    public sealed record Command(Guid OwnerId, Guid DraftId, Guid DocumentId) : ICommand<Result<ApplicationDraftView>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.DraftId).NotEmpty();
            RuleFor(c => c.DocumentId).NotEmpty();
        }
    }

    public sealed class Handler(LicensingDbContext db, TimeProvider time) : ICommandHandler<Command, Result<ApplicationDraftView>>
    {
        public async ValueTask<Result<ApplicationDraftView>> Handle(Command command, CancellationToken cancellationToken)
        {
            // Its row first, as sending claims it and a page saves it: one waits for the other, and a draft being sent
            // (or a page's answers saved meanwhile) is not written over.
            var held = await db.DraftsOf(command.OwnerId)
                .Where(d => d.Id == command.DraftId && d.SubmittedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(d => d.UpdatedAt, d => d.UpdatedAt), cancellationToken);
            if (held == 0)
            {
                return await GetApplicationDraft.NotOpenAsync(db, command.OwnerId, command.DraftId, cancellationToken);
            }

            if (!await db.DocumentsOf(command.OwnerId).AnyAsync(d => d.Id == command.DocumentId, cancellationToken))
            {
                return Error.NotFound(ErrorCodes.DocumentNotFound, "The document was not found.");
            }

            var draft = await db.DraftsOf(command.OwnerId).SingleAsync(d => d.Id == command.DraftId, cancellationToken);
            var answers = ApplicationDraftView.ReadAnswers(draft.AnswersJson);
            if (!(answers.DocumentIds ?? []).Contains(command.DocumentId))
            {
                draft.Revise(ApplicationDraftView.WriteAnswers(answers with { DocumentIds = [.. answers.DocumentIds ?? [], command.DocumentId] }), time.GetUtcNow());
            }

            return ApplicationDraftView.From(draft);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/drafts/{id:guid}/documents", async Task<Results<Ok<ApplicationDraftView>, ProblemHttpResult>> (Guid id, Request request, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Command(user.UserId(), id, request.DocumentId), cancellationToken)).ToOk())
            .WithName("AttachDocumentToDraft")
            .WithSummary("Attach one of your documents to one of your drafts not sent yet (no page is marked done). Attaching it again changes nothing.");
}
