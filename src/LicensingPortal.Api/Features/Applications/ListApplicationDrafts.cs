using System.Security.Claims;
using LicensingPortal.Api.Infrastructure.Auth;

namespace LicensingPortal.Api.Features.Applications;

/// <summary>One's drafts not yet sent, most recently changed first (at most 50; with <c>All</c>, every one, for the copy of one's data).</summary>
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
            return drafts.Select(ApplicationDraftView.From).ToList();
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/drafts", async Task<Results<Ok<IReadOnlyList<ApplicationDraftView>>, ProblemHttpResult>> (ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(user.UserId()), cancellationToken)).ToOk())
            .WithName("ListApplicationDrafts")
            .WithSummary("Your drafts not yet sent, most recently changed first (at most 50).");
}
