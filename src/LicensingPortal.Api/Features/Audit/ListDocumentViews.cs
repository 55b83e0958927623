using System.Security.Claims;
using LicensingPortal.Api.Infrastructure.Auth;

namespace LicensingPortal.Api.Features.Audit;

/// <summary>An officer's access history: the applicants' documents they opened, newest first (an administrator may read any officer's).</summary>
public static class ListDocumentViews
{
    public const int Shown = 200;

    public sealed record Item(DateTimeOffset At, Guid OfficerId, Guid ApplicationId, string Reference, Guid DocumentId, string Kind, string FileName);

    public sealed record Query(Guid OfficerId) : IQuery<Result<IReadOnlyList<Item>>>;

    public sealed class Handler(LicensingDbContext db) : IQueryHandler<Query, Result<IReadOnlyList<Item>>>
    {
        public async ValueTask<Result<IReadOnlyList<Item>>> Handle(Query query, CancellationToken cancellationToken)
        {
            var rows = await (from view in db.DocumentViews.AsNoTracking()
                              join document in db.Documents.AsNoTracking() on view.DocumentId equals document.Id
                              where view.OfficerId == query.OfficerId
                              orderby view.At descending, view.Id descending
                              select new { view.At, view.OfficerId, view.ApplicationId, view.DocumentId, document.Kind, document.FileName })
                .Take(Shown).ToListAsync(cancellationToken);
            return rows.OrderByDescending(r => r.At).Select(r => new Item(r.At, r.OfficerId, r.ApplicationId, ApplicationReference.Of(r.ApplicationId), r.DocumentId, r.Kind, r.FileName)).ToList();
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/document-views", async Task<Results<Ok<IReadOnlyList<Item>>, ProblemHttpResult>> (Guid? officerId, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(officerId is { } other && user.IsInRole(Roles.Admin) ? other : user.UserId()), cancellationToken)).ToOk())
            .WithName("ListDocumentViews")
            .WithSummary("The applicants' documents you opened while auditing, newest first (administrators: any officer's, with officerId).");
}
