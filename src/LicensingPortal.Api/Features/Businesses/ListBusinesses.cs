using System.Security.Claims;
using LicensingPortal.Api.Infrastructure.Auth;

namespace LicensingPortal.Api.Features.Businesses;

/// <summary>List one's own businesses, in the order they were registered.</summary>
public static class ListBusinesses
{
    public sealed record Query(Guid OwnerId) : IQuery<Result<IReadOnlyList<BusinessResponse>>>;

    public sealed class Handler(LicensingDbContext db) : IQueryHandler<Query, Result<IReadOnlyList<BusinessResponse>>>
    {
        public async ValueTask<Result<IReadOnlyList<BusinessResponse>>> Handle(Query query, CancellationToken cancellationToken)
        {
            var businesses = await db.BusinessesOf(query.OwnerId).AsNoTracking().OrderBy(b => b.RegisteredAt).ToListAsync(cancellationToken);
            return businesses.Select(BusinessResponse.From).ToList();
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/", async Task<Results<Ok<IReadOnlyList<BusinessResponse>>, ProblemHttpResult>> (ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(user.UserId()), cancellationToken)).ToOk())
            .WithName("ListBusinesses")
            .WithSummary("List your businesses.");
}
