using System.Security.Claims;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Storage;

namespace LicensingPortal.Api.Features.Documents;

/// <summary>Download one's own document, as uploaded.</summary>
public static class DownloadDocument
{
    public sealed record Query(Guid OwnerId, Guid Id) : IQuery<Result<StoredFile>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Id).NotEmpty();
    }

    public sealed class Handler(LicensingDbContext db, IDocumentStorage storage) : IQueryHandler<Query, Result<StoredFile>>
    {
        public async ValueTask<Result<StoredFile>> Handle(Query query, CancellationToken cancellationToken)
        {
            var document = await db.DocumentsOf(query.OwnerId).AsNoTracking().FirstOrDefaultAsync(d => d.Id == query.Id, cancellationToken);
            // A document whose bytes are gone (a restore without its file) is not found, as one that never was.
            return document is not null && await storage.OpenAsync(document.StorageKey, cancellationToken) is { } content
                ? new StoredFile(content, document.ContentType, UploadedFiles.SafeFileName(document.FileName))
                : GetDocument.NotFound;
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/{id:guid}/content", async Task<Results<FileStreamHttpResult, ProblemHttpResult>> (Guid id, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(user.UserId(), id), cancellationToken)).ToFile())
            .WithName("DownloadDocument")
            .WithSummary("Download one of your documents.");
}
