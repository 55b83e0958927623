using System.Security.Claims;
using LicensingPortal.Api.Data;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LicensingPortal.Api.Features.Me;

/// <summary>The in-app inbox: every notice about one's applications and permits, newest first.</summary>
public static class Inbox
{
    public sealed record Item(Guid Id, string Type, Guid SubjectId, string Title, string Body, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/notifications", async Task<Ok<List<Item>>> (ClaimsPrincipal user, LicensingDbContext db, bool? unreadOnly, CancellationToken cancellationToken) =>
            {
                var me = user.UserId();
                var items = await db.InboxNotifications.AsNoTracking()
                    .Where(n => n.UserId == me && (unreadOnly != true || n.ReadAt == null))
                    .OrderByDescending(n => n.CreatedAt).Take(200)
                    .Select(n => new Item(n.Id, n.Type, n.SubjectId, n.Title, n.Body, n.CreatedAt, n.ReadAt))
                    .ToListAsync(cancellationToken);
                return TypedResults.Ok(items);
            })
            .WithName("ListNotifications")
            .WithSummary("Your in-app notifications, newest first (at most 200); ?unreadOnly=true for the unread ones.");

        routes.MapPost("/notifications/{id:guid}/read", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, ClaimsPrincipal user, LicensingDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
            {
                var me = user.UserId();
                var notification = await db.InboxNotifications.FirstOrDefaultAsync(n => n.Id == id && n.UserId == me, cancellationToken);
                if (notification is null)
                {
                    return Error.NotFound(ErrorCodes.NotFound, "The notification was not found.").ToProblem();
                }

                notification.MarkRead(time.GetUtcNow());
                await db.SaveChangesAsync(cancellationToken);
                return TypedResults.NoContent();
            })
            .WithName("MarkNotificationRead")
            .WithSummary("Mark one of your notifications as read.");
    }
}
