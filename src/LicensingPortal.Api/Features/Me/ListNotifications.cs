using System.Security.Claims;
using LicensingPortal.Api.Infrastructure.Auth;

namespace LicensingPortal.Api.Features.Me;

/// <summary>The in-app inbox: every notice about one's applications and permits, newest first (at most 200; with <c>All</c>, every one, for the copy of one's data).</summary>
public static class ListNotifications
{
    public const int Limit = 200;

    public sealed record Item(Guid Id, string Type, Guid SubjectId, string Title, string Body, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

    public sealed record Query(Guid UserId, bool UnreadOnly, bool All = false) : IQuery<Result<IReadOnlyList<Item>>>;

    public sealed class Handler(LicensingDbContext db) : IQueryHandler<Query, Result<IReadOnlyList<Item>>>
    {
        public async ValueTask<Result<IReadOnlyList<Item>>> Handle(Query query, CancellationToken cancellationToken)
        {
            var newestFirst = db.NotificationsOf(query.UserId).AsNoTracking()
                .Where(n => !query.UnreadOnly || n.ReadAt == null)
                .OrderByDescending(n => n.CreatedAt);
            return await (query.All ? newestFirst : newestFirst.Take(Limit))
                .Select(n => new Item(n.Id, n.Type, n.SubjectId, n.Title, n.Body, n.CreatedAt, n.ReadAt))
                .ToListAsync(cancellationToken);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/notifications", async Task<Results<Ok<IReadOnlyList<Item>>, ProblemHttpResult>> (bool? unreadOnly, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(user.UserId(), unreadOnly == true), cancellationToken)).ToOk())
            .WithName("ListNotifications")
            .WithSummary("Your in-app notifications, newest first (at most 200); ?unreadOnly=true for the unread ones.");
}
