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
    public const long MaxBytes = 10 * 1024 * 1024;

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

    /// <summary>The content type a file's first bytes show, or null when it is none of the accepted types.</summary>
    public static string? Sniff(ReadOnlySpan<byte> head) => head switch
    {
        [0x25, 0x50, 0x44, 0x46, 0x2D, ..] => "application/pdf",
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => "image/png",
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        _ => null,
    };

    public sealed class Handler(LicensingDbContext db, IDocumentStorage storage, TimeProvider time) : ICommandHandler<Command, Result<DocumentResponse>>
    {
        public async ValueTask<Result<DocumentResponse>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (command.Length > MaxBytes)
            {
                return new Error(ErrorCodes.DocumentTooLarge, StatusCodes.Status413PayloadTooLarge, "The document is larger than 10 MB.", $"{command.Length} bytes; at most {MaxBytes}.");
            }

            var content = command.Content;
            var head = new byte[8];
            var read = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
            var contentType = Sniff(head.AsSpan(0, read));
            if (contentType is null)
            {
                return new Error(ErrorCodes.DocumentTypeNotAllowed, StatusCodes.Status415UnsupportedMediaType, "Only PDF, JPEG and PNG documents are accepted.", "The file's content is not a PDF, JPEG or PNG, whatever its name or declared type.");
            }

            content.Position = 0;
            var now = time.GetUtcNow();
            var id = Guid.CreateVersion7(now);
            var (key, sha256, size) = await storage.SaveAsync(id, content, cancellationToken);
            var document = Document.Uploaded(id, command.OwnerId, command.Kind!, contentType, SafeFileName(command.FileName), size, sha256, key, now);
            db.Documents.Add(document);
            return DocumentResponse.From(document);
        }
    }

    /// <summary>
    /// The name a file is kept and downloaded under: its last path segment only, without control characters, quotes or
    /// separators, at most 120 characters; "dokumen" when nothing is left.
    /// </summary>
    public static string SafeFileName(string? name)
    {
        var last = (name ?? string.Empty).Replace('\\', '/').Split('/')[^1];
        var kept = new string(last.Where(c => !char.IsControl(c) && c is not ('"' or '\'' or ';' or ':' or '<' or '>' or '|' or '*' or '?')).ToArray()).Trim().Trim('.');
        return kept.Length == 0 ? "dokumen" : kept.Length <= 120 ? kept : kept[..120];
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/", async Task<Results<Created<DocumentResponse>, ProblemHttpResult>> (IFormFile file, [FromForm] string kind, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
            {
                await using var content = file.OpenReadStream();
                return (await sender.Send(new Command(user.UserId(), kind, file.FileName, file.Length, content), cancellationToken)).ToCreated(d => $"/api/documents/{d.Id}");
            })
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(MaxBytes + (1024 * 1024)))
            .WithName("UploadDocument")
            .WithSummary("Upload a PDF, JPEG or PNG (at most 10 MB) as multipart form data with fields 'file' and 'kind'.");
}
