using System.Security.Claims;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Storage;

namespace LicensingPortal.Api.Features.Audit;

/// <summary>
/// An officer opens a document attached to an application under audit, or to the owner's objection to its refusal (as
/// the mayor's office does the objection's evidence, for an appeal: its pages offer nothing else). The reading is kept
/// in the reader's access history (who, which document, which case, when) before the file is given; a document
/// attached to neither is not found.
/// </summary>
public static class OpenCaseDocument
{
    public sealed record Command(Guid OfficerId, Guid ApplicationId, Guid DocumentId) : ICommand<Result<StoredFile>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ApplicationId).NotEmpty();
            RuleFor(c => c.DocumentId).NotEmpty();
        }
    }

    public sealed class Handler(LicensingDbContext db, IDocumentStorage storage, TimeProvider time) : ICommandHandler<Command, Result<StoredFile>>
    {
        public async ValueTask<Result<StoredFile>> Handle(Command command, CancellationToken cancellationToken)
        {
            var attached = await db.Applications.AsNoTracking().Where(a => a.Id == command.ApplicationId).Select(a => a.DocumentIds).SingleOrDefaultAsync(cancellationToken);
            var evidence = await db.Objections.AsNoTracking().Where(o => o.ApplicationId == command.ApplicationId).Select(o => o.DocumentIds).SingleOrDefaultAsync(cancellationToken);
            var document = attached is not null && (attached.Contains(command.DocumentId) || evidence?.Contains(command.DocumentId) == true)
                ? await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Id == command.DocumentId, cancellationToken)
                : null;
            // A document whose bytes are gone (a restore without its file) is not found either, and no reading is kept.
            if (document is null || await storage.OpenAsync(document.StorageKey, cancellationToken) is not { } content)
            {
                return Error.NotFound(ErrorCodes.DocumentNotFound, "No such document is attached to this application.");
            }

            db.DocumentViews.Add(DocumentView.Of(command.OfficerId, command.ApplicationId, document.Id, time.GetUtcNow()));
            // The name was made safe when the document was uploaded.
            return new StoredFile(content, document.ContentType, document.FileName);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/decisions/{applicationId:guid}/documents/{documentId:guid}", async Task<Results<FileStreamHttpResult, ProblemHttpResult>> (Guid applicationId, Guid documentId, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Command(user.UserId(), applicationId, documentId), cancellationToken)).ToFile())
            .WithName("OpenCaseDocument")
            .WithSummary("Open a document attached to an application under audit or to its objection; the reading is kept in your access history.");
}
