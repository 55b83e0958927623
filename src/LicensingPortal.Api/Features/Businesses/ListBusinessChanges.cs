using System.Security.Claims;
using LicensingPortal.Api.Infrastructure.Auth;

namespace LicensingPortal.Api.Features.Businesses;

/// <summary>The corrections made to one of one's own businesses, newest first (NPWP values masked).</summary>
public static class ListBusinessChanges
{
    public sealed record Change(string Field, string? Before, string? After, DateTimeOffset ChangedAt);

    public sealed record Query(Guid OwnerId, Guid Id) : IQuery<Result<IReadOnlyList<Change>>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Id).NotEmpty();
    }

    public sealed class Handler(LicensingDbContext db) : IQueryHandler<Query, Result<IReadOnlyList<Change>>>
    {
        public async ValueTask<Result<IReadOnlyList<Change>>> Handle(Query query, CancellationToken cancellationToken)
        {
            if (!await db.BusinessesOf(query.OwnerId).AnyAsync(b => b.Id == query.Id, cancellationToken))
            {
                return Error.NotFound(ErrorCodes.BusinessNotFound, "The business was not found.");
            }

            var changes = await db.BusinessChanges.AsNoTracking()
                .Where(c => c.BusinessId == query.Id)
                .Select(c => new Change(c.Field, c.Before, c.After, c.ChangedAt))
                .ToListAsync(cancellationToken);
            return changes.OrderByDescending(c => c.ChangedAt).Take(200).ToList();
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/{id:guid}/changes", async Task<Results<Ok<IReadOnlyList<Change>>, ProblemHttpResult>> (Guid id, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(user.UserId(), id), cancellationToken)).ToOk())
            .WithName("ListBusinessChanges")
            .WithSummary("The corrections made to one of your businesses, newest first.");
}
