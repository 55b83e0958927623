using LicensingPortal.Api.Infrastructure;

namespace LicensingPortal.Api.Features.Inspections;

/// <summary>
/// One permit's visits as the officers read them: the permit and its business (where to go, whom to call), every
/// visit booked (the latest first, those replaced marked), and whether another may be booked.
/// </summary>
public static class OpenPermitInspections
{
    public sealed record Response(PermitToVisit Permit, string OwnerName, string? Phone, bool InForce, bool StandardMet, IReadOnlyList<InspectionVisitView> Visits)
    {
        /// <summary>A visit may be booked (or booked again in place of the one waiting): the permit in force and its standard not yet found met.</summary>
        public bool MayBook => InForce && !StandardMet;
    }

    public sealed record Query(Guid PermitId) : IQuery<Result<Response>>;

    public sealed class Handler(LicensingDbContext db, TimeProvider time) : IQueryHandler<Query, Result<Response>>
    {
        public ValueTask<Result<Response>> Handle(Query query, CancellationToken cancellationToken) =>
            new(ReadAsync(db, query.PermitId, Wita.Today(time), cancellationToken));
    }

    internal static async Task<Result<Response>> ReadAsync(LicensingDbContext db, Guid permitId, DateOnly today, CancellationToken cancellationToken)
    {
        var types = InspectionVisit.VisitedTypes.ToList();
        var found = await db.Permits.AsNoTracking().Where(p => p.Id == permitId && types.Contains(p.Type))
            .Join(db.Businesses, p => p.BusinessId, b => b.Id, (p, b) => new { Permit = p, b.Name, b.Address, b.OwnerName, b.Phone })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return InspectionReads.NotFound;
        }

        var visits = await db.InspectionVisits.AsNoTracking().Where(v => v.PermitId == permitId).ToListAsync(cancellationToken);
        return Build(found.Permit, new(found.Name, found.Address, found.OwnerName, found.Phone), visits, InspectionReads.InForce(found.Permit, today), today);
    }

    internal sealed record BusinessSeen(string Name, string Address, string OwnerName, string? Phone);

    /// <summary>The response from what the use case holds (a change not saved yet included).</summary>
    internal static Response Build(Permit permit, BusinessSeen business, IEnumerable<InspectionVisit> visits, bool inForce, DateOnly today)
    {
        var all = visits.OrderByDescending(v => v.BookedAt).ToList();
        var views = all.Select(v => InspectionReads.View(v, today)).ToList();
        var row = new PermitToVisit(permit.Id, permit.Number, permit.Type, InspectionReads.TitleOf(permit.Type), permit.IssuedOn, business.Name, business.Address,
            all.Zip(views).FirstOrDefault(pair => pair.First.IsWaiting).Second, views.FirstOrDefault(v => v.Outcome is not null));
        return new Response(row, business.OwnerName, business.Phone, inForce, all.Any(v => v.Outcome == InspectionOutcome.Met), views);
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/inspections/permits/{permitId:guid}", async Task<Results<Ok<Response>, ProblemHttpResult>> (Guid permitId, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
            {
                RequestLanguage.SetContentLanguage(http, RequestLanguage.From(http));
                return (await sender.Send(new Query(permitId), cancellationToken)).ToOk();
            })
            .WithName("OpenPermitInspections")
            .WithSummary("One permit's inspectors' visits, the latest first, with its business (address, owner, telephone) and whether a visit may be booked (mayBook: in force, standard not yet found met). 404 inspection_not_found for a permit whose holder is not visited.");
}
