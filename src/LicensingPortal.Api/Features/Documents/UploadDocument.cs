using System.Security.Claims;
using LicensingPortal.Api.Data;
using LicensingPortal.Api.Domain;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Errors;
using LicensingPortal.Api.Infrastructure.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Features.Documents;

/// <summary>
/// Upload a PDF, JPEG or PNG of at most 10 MB. Its type is decided by its first bytes, never by its name or
/// Content-Type header; it is stored with its SHA-256 and belongs to the uploader.
/// </summary>
public static class UploadDocument
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public sealed record Response(Guid Id, string Kind, string ContentType, string FileName, long SizeBytes, string Sha256, DateTimeOffset UploadedAt)
    {
        public static Response From(Document document)
        {
            ArgumentNullException.ThrowIfNull(document);
            return new(document.Id, document.Kind, document.ContentType, document.FileName, document.SizeBytes, document.Sha256, document.UploadedAt);
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

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/", async Task<Results<Created<Response>, ProblemHttpResult>> (
                IFormFile file,
                [FromForm] string kind,
                ClaimsPrincipal user,
                LicensingDbContext db,
                IDocumentStorage storage,
                TimeProvider time,
                CancellationToken cancellationToken) =>
            {
                if (!DocumentKinds.All.Contains(kind))
                {
                    return Error.Invalid("kind", $"Unknown document kind '{kind}'; one of: {string.Join(", ", DocumentKinds.All.Order(StringComparer.Ordinal))}.").ToProblem();
                }

                if (file.Length > MaxBytes)
                {
                    return new Error(ErrorCodes.DocumentTooLarge, StatusCodes.Status413PayloadTooLarge, "The document is larger than 10 MB.", $"{file.Length} bytes; at most {MaxBytes}.").ToProblem();
                }

                await using var content = file.OpenReadStream();
                var head = new byte[8];
                var read = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
                var contentType = Sniff(head.AsSpan(0, read));
                if (contentType is null)
                {
                    return new Error(ErrorCodes.DocumentTypeNotAllowed, StatusCodes.Status415UnsupportedMediaType, "Only PDF, JPEG and PNG documents are accepted.", "The file's content is not a PDF, JPEG or PNG, whatever its name or declared type.").ToProblem();
                }

                content.Position = 0;
                var now = time.GetUtcNow();
                var id = Guid.CreateVersion7(now);
                var (key, sha256, size) = await storage.SaveAsync(id, content, cancellationToken);
                var document = Document.Uploaded(id, user.UserId(), kind, contentType, Path.GetFileName(file.FileName), size, sha256, key, now);
                db.Documents.Add(document);
                await db.SaveChangesAsync(cancellationToken);
                return TypedResults.Created($"/api/documents/{document.Id}", Response.From(document));
            })
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(MaxBytes + (1024 * 1024)))
            .WithName("UploadDocument")
            .WithSummary("Upload a PDF, JPEG or PNG (at most 10 MB) as multipart form data with fields 'file' and 'kind'.");
}
