using System.Security.Claims;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Storage;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Features.Documents;

/// <summary>
/// Upload a PDF, JPEG or PNG of at most 10 MB. Its type is decided by its first bytes, never by its name or
/// Content-Type header; it is stored with its SHA-256 and belongs to the uploader.
/// </summary>
public static class UploadDocument
{

    /// <summary>The file's content is read by the handler; its length is what the client declared in the form.</summary>
    public sealed record Command(Guid OwnerId, string? Kind, string? FileName, long Length, Stream Content) : ICommand<Result<DocumentResponse>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Kind).NotEmpty().Must(k => DocumentKinds.All.Contains(k!))
                .WithMessage(c => $"Unknown document kind '{c.Kind}'; one of: {string.Join(", ", DocumentKinds.All.Order(StringComparer.Ordinal))}.");
            RuleFor(c => c.FileName).MaximumLength(255);
        }
    }

    public sealed class Handler(LicensingDbContext db, IDocumentStorage storage, TimeProvider time) : ICommandHandler<Command, Result<DocumentResponse>>
    {
        public async ValueTask<Result<DocumentResponse>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (command.Length > UploadedFiles.MaxBytes)
            {
                return new Error(ErrorCodes.DocumentTooLarge, StatusCodes.Status413PayloadTooLarge, "The document is larger than 10 MB.", $"{command.Length} bytes; at most {UploadedFiles.MaxBytes}.");
            }

            var content = command.Content;
            var contentType = await UploadedFiles.SniffAsync(content, cancellationToken);
            if (contentType is null)
            {
                return new Error(ErrorCodes.DocumentTypeNotAllowed, StatusCodes.Status415UnsupportedMediaType, "Only PDF, JPEG and PNG documents are accepted.", "The file's content is not a PDF, JPEG or PNG, whatever its name or declared type.");
            }

            content.Position = 0;
            var now = time.GetUtcNow();
            var id = Guid.CreateVersion7(now);
            var (key, sha256, size) = await storage.SaveAsync(id, content, cancellationToken);
            var document = Document.Uploaded(id, command.OwnerId, command.Kind!, contentType, UploadedFiles.SafeFileName(command.FileName), size, sha256, key, now);
            db.Documents.Add(document);
            return DocumentResponse.From(document);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/", async Task<Results<Created<DocumentResponse>, ProblemHttpResult>> (IFormFile file, [FromForm] string kind, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
            {
                await using var content = file.OpenReadStream();
                return (await sender.Send(new Command(user.UserId(), kind, file.FileName, file.Length, content), cancellationToken)).ToCreated(d => $"/api/documents/{d.Id}");
            })
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(UploadedFiles.RequestLimit))
            .WithName("UploadDocument")
            .WithSummary("Upload a PDF, JPEG or PNG (at most 10 MB) as multipart form data with fields 'file' and 'kind'.");
}
