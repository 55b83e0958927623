using System.Security.Claims;
using LicensingPortal.Api.Data;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Errors;
using LicensingPortal.Api.Infrastructure.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LicensingPortal.Api.Features.Documents;

/// <summary>Read one's own document (metadata or content); another applicant's document answers 404.</summary>
public static class GetDocument
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/{id:guid}", async Task<Results<Ok<UploadDocument.Response>, ProblemHttpResult>> (Guid id, ClaimsPrincipal user, LicensingDbContext db, CancellationToken cancellationToken) =>
            {
                var document = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id && d.OwnerId == user.UserId(), cancellationToken);
                return document is null ? NotFound() : TypedResults.Ok(UploadDocument.Response.From(document));
            })
            .WithName("GetDocument")
            .WithSummary("Read the metadata of one of your documents.");

        routes.MapGet("/{id:guid}/content", async Task<Results<FileStreamHttpResult, ProblemHttpResult>> (Guid id, ClaimsPrincipal user, LicensingDbContext db, IDocumentStorage storage, CancellationToken cancellationToken) =>
            {
                var document = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id && d.OwnerId == user.UserId(), cancellationToken);
                return document is null ? NotFound() : TypedResults.File(storage.Open(document.StorageKey), document.ContentType, document.FileName);
            })
            .WithName("DownloadDocument")
            .WithSummary("Download one of your documents.");
    }

    private static ProblemHttpResult NotFound() => Error.NotFound(ErrorCodes.DocumentNotFound, "The document was not found.").ToProblem();
}
