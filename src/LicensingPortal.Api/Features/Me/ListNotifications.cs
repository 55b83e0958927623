using System.Security.Claims;
using LicensingPortal.Api.Infrastructure;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Rules.Model;

namespace LicensingPortal.Api.Features.Me;

/// <summary>
/// The in-app inbox: every notice about one's applications and permits, newest first (at most 200; with <c>All</c>,
/// every one, for the copy of one's data), in the language asked for (the page's; on the API, the request's
/// Accept-Language), or else the account's.
/// </summary>
public static class ListNotifications
{
    public const int Limit = 200;

    /// <summary>
    /// A notice; one about a permit carries the permit's number (<c>permitNumber</c>) and the way on from it as the permit
    /// stands today (<c>permitNextStep</c>: renew, applyAgain, ask, or none once it was renewed, closed or replaced), and
    /// the application it was issued on (<c>permitApplicationId</c>, which a question about it names).
    /// </summary>
    public sealed record Item(Guid Id, string Type, Guid SubjectId, string Title, string Body, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt, string? PermitNumber = null, PermitStep? PermitNextStep = null, Guid? PermitApplicationId = null);

    public sealed record Query(Guid UserId, bool UnreadOnly, bool All = false, Language? Language = null) : IQuery<Result<IReadOnlyList<Item>>>;

    public sealed class Handler(LicensingDbContext db, TimeProvider time) : IQueryHandler<Query, Result<IReadOnlyList<Item>>>
    {
        public async ValueTask<Result<IReadOnlyList<Item>>> Handle(Query query, CancellationToken cancellationToken)
        {
            var english = (query.Language ?? await AccountLanguageAsync(query.UserId, cancellationToken)) == Language.English;
            var newestFirst = db.NotificationsOf(query.UserId).AsNoTracking()
                .Where(n => !query.UnreadOnly || n.ReadAt == null)
                .OrderByDescending(n => n.CreatedAt);
            // A row written in one language only (before both were kept) reads as it was written.
            var items = await (query.All ? newestFirst : newestFirst.Take(Limit))
                .Select(n => new Item(n.Id, n.Type, n.SubjectId, english && n.TitleEn != null ? n.TitleEn : n.Title, english && n.BodyEn != null ? n.BodyEn : n.Body, n.CreatedAt, n.ReadAt, null, null, null))
                .ToListAsync(cancellationToken);
            var permitIds = items.Where(i => NoticeKind.Of(i.Type).Subject == NoticeSubject.Permit).Select(i => i.SubjectId).Distinct().ToList();
            if (permitIds.Count == 0)
            {
                return items;
            }

            var permits = await db.Permits.AsNoTracking().Where(p => permitIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
            var today = Wita.Today(time);
            return items.Select(i => permits.TryGetValue(i.SubjectId, out var permit)
                    ? i with { PermitNumber = permit.Number, PermitNextStep = Notices.StepFrom(NoticeKind.Of(i.Type), permit.RenewalStateOn(today)), PermitApplicationId = permit.ApplicationId }
                    : i)
                .ToList();
        }

        private async Task<Language> AccountLanguageAsync(Guid userId, CancellationToken cancellationToken) =>
            await db.Users.Where(u => u.Id == userId).Select(u => u.PreferredLanguage).FirstOrDefaultAsync(cancellationToken) == Languages.English ? Language.English : Language.Indonesian;
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/notifications", async Task<Results<Ok<IReadOnlyList<Item>>, ProblemHttpResult>> (bool? unreadOnly, ClaimsPrincipal user, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
            {
                var language = RequestLanguage.Preferred(http);
                var items = await sender.Send(new Query(user.UserId(), unreadOnly == true, Language: language), cancellationToken);
                if (language is { } asked)
                {
                    RequestLanguage.SetContentLanguage(http, asked);
                }

                return items.ToOk();
            })
            .WithName("ListNotifications")
            .WithSummary("Your in-app notifications, newest first (at most 200); ?unreadOnly=true for the unread ones. In the language the request's Accept-Language names (id or en), or else your account's.");
}
