using System.Security.Claims;
using LicensingPortal.Api.Infrastructure.Auth;

namespace LicensingPortal.Api.Features.Documents;

/// <summary>One's own uploaded documents, newest first (at most 200; with <c>All</c>, every one, for the copy of one's data), each saying whether a sent application names it.</summary>
public static class ListDocuments
{
    public sealed record Query(Guid OwnerId, bool All = false) : IQuery<Result<IReadOnlyList<DocumentResponse>>>;

    public sealed class Handler(LicensingDbContext db) : IQueryHandler<Query, Result<IReadOnlyList<DocumentResponse>>>
    {
        public async ValueTask<Result<IReadOnlyList<DocumentResponse>>> Handle(Query query, CancellationToken cancellationToken)
        {
            var newestFirst = db.DocumentsOf(query.OwnerId).AsNoTracking().OrderByDescending(d => d.UploadedAt);
            var documents = await (query.All ? newestFirst : newestFirst.Take(200)).ToListAsync(cancellationToken);
            var attached = await DeleteDocument.AttachedAsync(db, query.OwnerId, cancellationToken);
            return documents.Select(d => DocumentResponse.From(d) with { Attached = attached.Contains(d.Id) }).ToList();
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/", async Task<Results<Ok<IReadOnlyList<DocumentResponse>>, ProblemHttpResult>> (ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(user.UserId()), cancellationToken)).ToOk())
            .WithName("ListDocuments")
            .WithSummary("List your uploaded documents, newest first (at most 200).");
}
