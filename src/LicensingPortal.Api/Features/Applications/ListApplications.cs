using System.Security.Claims;
using LicensingPortal.Api.Infrastructure.Auth;

namespace LicensingPortal.Api.Features.Applications;

/// <summary>One's own applications, newest first, with the application each one corrects.</summary>
public static class ListApplications
{
    public sealed record Summary(Guid Id, Guid BusinessId, ApplicationStatus Status, IReadOnlyList<string> Kbli, DateTimeOffset SubmittedAt, Guid? PreviousApplicationId);

    public sealed record Query(Guid OwnerId) : IQuery<Result<IReadOnlyList<Summary>>>;

    public sealed class Handler(LicensingDbContext db) : IQueryHandler<Query, Result<IReadOnlyList<Summary>>>
    {
        public async ValueTask<Result<IReadOnlyList<Summary>>> Handle(Query query, CancellationToken cancellationToken) =>
            await db.ApplicationsOf(query.OwnerId).AsNoTracking()
                .OrderByDescending(a => a.SubmittedAt)
                .Select(a => new Summary(a.Id, a.BusinessId, a.Status, a.KbliCodes, a.SubmittedAt, a.PreviousApplicationId))
                .ToListAsync(cancellationToken);
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/", async Task<Results<Ok<IReadOnlyList<Summary>>, ProblemHttpResult>> (ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(user.UserId()), cancellationToken)).ToOk())
            .WithName("ListApplications")
            .WithSummary("List your applications, newest first.");
}
