using System.Security.Claims;
using LicensingPortal.Api.Data;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Errors;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LicensingPortal.Api.Features.Businesses;

/// <summary>Read one's own businesses; another applicant's business answers 404.</summary>
public static class GetBusiness
{
    public sealed record Query(Guid OwnerId, Guid Id) : IQuery<Result<RegisterBusiness.Response>>;

    public sealed record ListQuery(Guid OwnerId) : IQuery<Result<IReadOnlyList<RegisterBusiness.Response>>>;

    public sealed class Handler(LicensingDbContext db) :
        IQueryHandler<Query, Result<RegisterBusiness.Response>>,
        IQueryHandler<ListQuery, Result<IReadOnlyList<RegisterBusiness.Response>>>
    {
        public async ValueTask<Result<RegisterBusiness.Response>> Handle(Query query, CancellationToken cancellationToken)
        {
            var business = await db.Businesses.AsNoTracking().FirstOrDefaultAsync(b => b.Id == query.Id && b.OwnerId == query.OwnerId, cancellationToken);
            return business is null
                ? Error.NotFound(ErrorCodes.BusinessNotFound, "The business was not found.")
                : RegisterBusiness.Response.From(business);
        }

        public async ValueTask<Result<IReadOnlyList<RegisterBusiness.Response>>> Handle(ListQuery query, CancellationToken cancellationToken)
        {
            var businesses = await db.Businesses.AsNoTracking().Where(b => b.OwnerId == query.OwnerId).OrderBy(b => b.RegisteredAt).ToListAsync(cancellationToken);
            return businesses.Select(RegisterBusiness.Response.From).ToList();
        }
    }

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/{id:guid}", async Task<Results<Ok<RegisterBusiness.Response>, ProblemHttpResult>> (Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var result = await mediator.Send(new Query(user.UserId(), id), cancellationToken);
                return result.Succeeded ? TypedResults.Ok(result.Value) : result.Error!.ToProblem();
            })
            .WithName("GetBusiness")
            .WithSummary("Read one of your businesses, with its NIB once issued.");
        routes.MapGet("/", async Task<Ok<IReadOnlyList<RegisterBusiness.Response>>> (ClaimsPrincipal user, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok((await mediator.Send(new ListQuery(user.UserId()), cancellationToken)).Value))
            .WithName("ListBusinesses")
            .WithSummary("List your businesses.");
    }
}
