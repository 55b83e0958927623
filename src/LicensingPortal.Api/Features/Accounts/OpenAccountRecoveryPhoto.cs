using LicensingPortal.Api.Infrastructure.Storage;

namespace LicensingPortal.Api.Features.Accounts;

/// <summary>
/// The photo of the owner holding their identity card, sent with a request for an account back; not found once deleted
/// after the decision (<see cref="AccountRecovery.PhotoKeptAfterDecision"/>).
/// </summary>
public static class OpenAccountRecoveryPhoto
{
    public sealed record Query(Guid Id) : IQuery<Result<StoredFile>>;

    public sealed class Handler(LicensingDbContext db, IDocumentStorage storage) : IQueryHandler<Query, Result<StoredFile>>
    {
        public async ValueTask<Result<StoredFile>> Handle(Query query, CancellationToken cancellationToken)
        {
            var recovery = await db.AccountRecoveries.AsNoTracking().SingleOrDefaultAsync(r => r.Id == query.Id && r.Status != AccountRecoveryStatus.Unconfirmed && r.PhotoDeletedAt == null, cancellationToken);
            return recovery is not null && await storage.OpenAsync(recovery.PhotoKey, cancellationToken) is { } content
                ? new StoredFile(content, recovery.PhotoType, recovery.PhotoType == "image/png" ? "foto.png" : "foto.jpg")
                : AccountRecoveries.NotFound;
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/account-recoveries/{id:guid}/photo", async Task<Results<FileStreamHttpResult, ProblemHttpResult>> (Guid id, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
            {
                var result = await sender.Send(new Query(id), cancellationToken);
                if (result.Succeeded)
                {
                    // A person's face and identity card: never kept by a browser's or a proxy's cache.
                    http.Response.Headers.CacheControl = "private, no-store";
                }

                return result.ToFile();
            })
            .WithName("OpenAccountRecoveryPhoto")
            .WithSummary("The photo of the owner holding their identity card, sent with a request for an account back (administrators).");
}
