using System.Security.Claims;
using LicensingPortal.Api.Infrastructure.Auth;

namespace LicensingPortal.Api.Features.Applications;

/// <summary>
/// One's drafts not yet sent, most recently changed first (at most 50; with <c>All</c>, every one, for the copy of
/// one's data), each saying when an application for the same business and activities was approved since (likely no
/// longer needed).
/// </summary>
public static class ListApplicationDrafts
{
    public sealed record Query(Guid OwnerId, bool All = false) : IQuery<Result<IReadOnlyList<ApplicationDraftView>>>;

    public sealed class Handler(LicensingDbContext db) : IQueryHandler<Query, Result<IReadOnlyList<ApplicationDraftView>>>
    {
        public async ValueTask<Result<IReadOnlyList<ApplicationDraftView>>> Handle(Query query, CancellationToken cancellationToken)
        {
            var newestFirst = db.DraftsOf(query.OwnerId).AsNoTracking()
                .Where(d => d.SubmittedApplicationId == null)
                .OrderByDescending(d => d.UpdatedAt);
            var drafts = await (query.All ? newestFirst : newestFirst.Take(50)).ToListAsync(cancellationToken);
            var approved = await db.ApplicationsOf(query.OwnerId).AsNoTracking()
                .Where(a => a.Status == ApplicationStatus.Approved)
                .Select(a => new Approval(a.BusinessId, a.KbliCodes, a.SubmittedAt))
                .ToListAsync(cancellationToken);
            return drafts.Select(ApplicationDraftView.From).Select(d => d with { OvertakenAt = OvertakenAt(d, approved) }).ToList();
        }

        /// <summary>
        /// When an application of the same business and activities was approved after a new application or a
        /// correction was last changed (renewals and changes are of a permit or business in force, and never overtaken
        /// so); null when none was, or the draft names no business or activity yet.
        /// </summary>
        private static DateTimeOffset? OvertakenAt(ApplicationDraftView draft, IReadOnlyList<Approval> approved)
        {
            var kbli = draft.Answers.Kbli ?? [];
            if (draft.LocksBusiness || draft.Answers.BusinessId == Guid.Empty || kbli.Count == 0)
            {
                return null;
            }

            var activities = kbli.ToHashSet(StringComparer.Ordinal);
            return approved.Where(a => a.BusinessId == draft.Answers.BusinessId && a.SubmittedAt > draft.UpdatedAt && activities.SetEquals(a.Kbli))
                .Select(a => (DateTimeOffset?)a.SubmittedAt).Max();
        }

        private sealed record Approval(Guid BusinessId, IReadOnlyList<string> Kbli, DateTimeOffset SubmittedAt);
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/drafts", async Task<Results<Ok<IReadOnlyList<ApplicationDraftView>>, ProblemHttpResult>> (ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(user.UserId()), cancellationToken)).ToOk())
            .WithName("ListApplicationDrafts")
            .WithSummary("Your drafts not yet sent, most recently changed first (at most 50).");
}
