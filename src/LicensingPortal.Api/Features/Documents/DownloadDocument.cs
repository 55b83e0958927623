using System.Security.Claims;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Storage;

namespace LicensingPortal.Api.Features.Documents;

/// <summary>Download one's own document, as uploaded.</summary>
public static class DownloadDocument
{
    public sealed record Download(Stream Content, string ContentType, string FileName);

    public sealed record Query(Guid OwnerId, Guid Id) : IQuery<Result<Download>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Id).NotEmpty();
    }

    public sealed class Handler(LicensingDbContext db, IDocumentStorage storage) : IQueryHandler<Query, Result<Download>>
    {
        public async ValueTask<Result<Download>> Handle(Query query, CancellationToken cancellationToken)
        {
            var document = await db.DocumentsOf(query.OwnerId).AsNoTracking().FirstOrDefaultAsync(d => d.Id == query.Id, cancellationToken);
            return document is null ? GetDocument.NotFound : new Download(await storage.OpenAsync(document.StorageKey, cancellationToken), document.ContentType, UploadedFiles.SafeFileName(document.FileName));
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/{id:guid}/content", async Task<Results<FileStreamHttpResult, ProblemHttpResult>> (Guid id, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
            {
                var result = await sender.Send(new Query(user.UserId(), id), cancellationToken);
                return result.Succeeded ? TypedResults.File(result.Value.Content, result.Value.ContentType, result.Value.FileName) : result.Error!.ToProblem();
            })
            .WithName("DownloadDocument")
            .WithSummary("Download one of your documents.");
}
