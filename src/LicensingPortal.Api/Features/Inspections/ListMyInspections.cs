using System.Security.Claims;
using LicensingPortal.Api.Infrastructure.Auth;

namespace LicensingPortal.Api.Features.Inspections;

/// <summary>
/// The visits to one's own businesses, the latest booked first (those replaced left out): who comes from which office
/// and when, and once recorded what was found. The permits' pages show each beside its permit.
/// </summary>
public static class ListMyInspections
{
    public sealed record Item(Guid PermitId, string PermitNumber, string PermitType, string BusinessName, InspectionVisitView Visit);

    public sealed record Query(Guid OwnerId) : IQuery<Result<IReadOnlyList<Item>>>;

    public sealed class Handler(LicensingDbContext db, TimeProvider time) : IQueryHandler<Query, Result<IReadOnlyList<Item>>>
    {
        public async ValueTask<Result<IReadOnlyList<Item>>> Handle(Query query, CancellationToken cancellationToken)
        {
            var today = Wita.Today(time);
            var rows = await db.InspectionVisits.AsNoTracking()
                .Where(v => v.ReplacedAt == null && db.BusinessesOf(query.OwnerId).Any(b => b.Id == v.BusinessId))
                .Join(db.Permits, v => v.PermitId, p => p.Id, (v, p) => new { Visit = v, p.Number, p.Type, p.BusinessId })
                .Join(db.Businesses, r => r.BusinessId, b => b.Id, (r, b) => new { r.Visit, r.Number, r.Type, b.Name })
                .ToListAsync(cancellationToken);
            return rows.OrderByDescending(r => r.Visit.BookedAt)
                .Select(r => new Item(r.Visit.PermitId, r.Number, r.Type, r.Name, InspectionReads.View(r.Visit, today)))
                .ToList();
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/inspections", async Task<Results<Ok<IReadOnlyList<Item>>, ProblemHttpResult>> (ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(user.UserId()), cancellationToken)).ToOk())
            .WithName("ListMyInspections")
            .WithSummary("Inspectors' visits to your businesses, the latest booked first: the office, the inspector's name and NIP (to compare with their ID card), the days, and once recorded the outcome, the day and the findings.");
}
