using System.Security.Claims;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Transparency;

namespace LicensingPortal.Api.Features.Audit;

/// <summary>An officer adds a note to a decision; it is appended to the transparency log. A note never changes an outcome.</summary>
public static class AddDecisionNote
{
    public const int MaxLength = 4000;

    public sealed record NoteRequest(string Text);

    public sealed record Command(Guid OfficerId, Guid ApplicationId, string Text) : ICommand<Result<GetDecisionTrace.NoteView>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ApplicationId).NotEmpty();
            RuleFor(c => c.Text).NotEmpty().WithMessage(_ => Texts.Format("Validation.DecisionNote", MaxLength))
                .Must(t => t.Trim().Length is > 0 and <= MaxLength).WithMessage(_ => Texts.Format("Validation.DecisionNote", MaxLength));
        }
    }

    public sealed class Handler(LicensingDbContext db, TransparencyLog log, TimeProvider time) : ICommandHandler<Command, Result<GetDecisionTrace.NoteView>>
    {
        public async ValueTask<Result<GetDecisionTrace.NoteView>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!await db.Decisions.AnyAsync(d => d.ApplicationId == command.ApplicationId, cancellationToken))
            {
                return GetDecisionTrace.NoDecision;
            }

            var note = DecisionNote.Add(command.ApplicationId, command.OfficerId, command.Text, time.GetUtcNow());
            db.DecisionNotes.Add(note);
            log.Record(LogActors.Officer(command.OfficerId), LogEntryTypes.NoteAdded, note.Id, LogPayloads.ForNote(note));
            var author = await db.Users.AsNoTracking().Where(u => u.Id == command.OfficerId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
            return new GetDecisionTrace.NoteView(note.Id, note.AuthorId, note.Text, note.CreatedAt, author);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/decisions/{applicationId:guid}/notes", async Task<Results<Created<GetDecisionTrace.NoteView>, ProblemHttpResult>> (Guid applicationId, NoteRequest request, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Command(user.UserId(), applicationId, request.Text), cancellationToken)).ToCreated(_ => $"/api/audit/decisions/{applicationId}"))
            .WithName("AddDecisionNote")
            .WithSummary("Add a note to a decision; it is appended to the transparency log.");
}
