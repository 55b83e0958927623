using System.Security.Claims;
using LicensingPortal.Api.Infrastructure.Auth;

namespace LicensingPortal.Api.Features.Businesses;

/// <summary>Read one of one's own businesses; another applicant's business answers 404.</summary>
public static class GetBusiness
{
    public sealed record Query(Guid OwnerId, Guid Id) : IQuery<Result<BusinessResponse>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Id).NotEmpty();
    }

    public sealed class Handler(LicensingDbContext db) : IQueryHandler<Query, Result<BusinessResponse>>
    {
        public async ValueTask<Result<BusinessResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            var business = await db.BusinessesOf(query.OwnerId).AsNoTracking().FirstOrDefaultAsync(b => b.Id == query.Id, cancellationToken);
            return business is null
                ? Error.NotFound(ErrorCodes.BusinessNotFound, "The business was not found.")
                : BusinessResponse.From(business);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/{id:guid}", async Task<Results<Ok<BusinessResponse>, ProblemHttpResult>> (Guid id, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(user.UserId(), id), cancellationToken)).ToOk())
            .WithName("GetBusiness")
            .WithSummary("Read one of your businesses, with its NIB once issued.");
}
