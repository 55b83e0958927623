using System.Security.Claims;
using LicensingPortal.Api.Infrastructure.Auth;
using Microsoft.Extensions.Options;

namespace LicensingPortal.Api.Features.Accounts;

/// <summary>
/// When one's own account was signed in (the last 30 days: older sessions are forgotten), newest first: when each
/// sign-in began, when it was last used (to the hour for applicants, the minute for staff), whether it has ended, and
/// which one is this. A time the owner does not recognise is a reason to change the password.
/// </summary>
public static class ListMySessions
{
    /// <summary>
    /// <paramref name="Ended"/>: the sign-in no longer works (signed out, ended by a new password or from another
    /// device, or a staff sign-in past its idle or longest time); <paramref name="EndedAt"/> when that was recorded;
    /// <paramref name="Device"/> the kind of device and browser it came from ("android/chrome", "windows/edge"; each
    /// word "other" when not recognised), null when it sent no User-Agent.
    /// </summary>
    public sealed record Item(DateTimeOffset StartedAt, DateTimeOffset LastUsedAt, DateTimeOffset? EndedAt, bool Ended, bool Current, string? Device);

    public sealed record Query(ClaimsPrincipal Account) : IQuery<Result<IReadOnlyList<Item>>>;

    public sealed class Handler(LicensingDbContext db, IOptions<SessionLimitOptions> limits, TimeProvider time) : IQueryHandler<Query, Result<IReadOnlyList<Item>>>
    {
        public async ValueTask<Result<IReadOnlyList<Item>>> Handle(Query query, CancellationToken cancellationToken)
        {
            var accountId = query.Account.UserId();
            var current = Sessions.IdOf(query.Account);
            var sessions = await db.AccountSessions.AsNoTracking()
                .Where(s => s.AccountId == accountId)
                .OrderByDescending(s => s.Id)
                .ToListAsync(cancellationToken);
            var now = time.GetUtcNow();
            return sessions
                .Select(s => new Item(s.StartedAt, s.LastSeenAt, s.EndedAt, !s.StandsAt(now, limits.Value.StaffIdle, limits.Value.StaffLongest), s.Id == current, s.Device))
                .ToList();
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/sessions", async Task<Results<Ok<IReadOnlyList<Item>>, ProblemHttpResult>> (ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(user), cancellationToken)).ToOk())
            .WithName("ListMySessions")
            .WithSummary("When your account was signed in (the last 30 days), newest first, and which sign-in is this one.");
}
