using LicensingPortal.Api.Infrastructure;

namespace LicensingPortal.Api.Features.Inspections;

/// <summary>
/// The officers' list of visits: permits in force whose holders are visited and whose standard is not yet found met,
/// those with no visit waiting to book (the oldest permit first, a visit that found the standard not met among them),
/// and the visits booked, the soonest first (late ones, whose last day passed unrecorded, at the top); and the visits
/// called off when their permits ended whose days have not all passed, for the officers to tell the inspector's office
/// (each until an officer marks it told, <see cref="MarkOfficeTold"/>).
/// </summary>
public static class ListInspections
{
    /// <summary>At most this many of each list; the rest come as the first are dealt with.</summary>
    public const int Limit = 200;

    /// <summary>The lists; in <see cref="CalledOff"/>, each visit called off is the permit's <see cref="PermitToVisit.Last"/>.</summary>
    public sealed record Response(IReadOnlyList<PermitToVisit> ToBook, IReadOnlyList<PermitToVisit> Booked, IReadOnlyList<PermitToVisit> CalledOff);

    public sealed record Query : IQuery<Result<Response>>;

    public sealed class Handler(LicensingDbContext db, TimeProvider time) : IQueryHandler<Query, Result<Response>>
    {
        public async ValueTask<Result<Response>> Handle(Query query, CancellationToken cancellationToken)
        {
            var today = Wita.Today(time);
            var open = InspectionReads.VisitedInForce(db, today).AsNoTracking()
                .Where(p => !db.InspectionVisits.Any(v => v.PermitId == p.Id && v.Outcome == InspectionOutcome.Met));
            var waitingVisits = db.InspectionVisits.Where(InspectionVisit.Waiting);
            var waitingIds = waitingVisits.Select(v => v.PermitId);
            var toBook = await RowsAsync(open.Where(p => !waitingIds.Contains(p.Id)).OrderBy(p => p.IssuedOn).ThenBy(p => p.Number), today, cancellationToken);
            // The soonest last day first, in the query, so a late visit is never the one cut off by the limit.
            var booked = await RowsAsync(
                open.Where(p => waitingIds.Contains(p.Id))
                    .OrderBy(p => waitingVisits.Where(v => v.PermitId == p.Id).Min(v => v.ToDate)),
                today,
                cancellationToken);
            var calledOff = await db.InspectionVisits.AsNoTracking()
                .Where(v => v.CalledOffAt != null && v.OfficeToldAt == null && v.ToDate >= today)
                .OrderBy(v => v.FromDate)
                .Take(Limit)
                .Join(db.Permits, v => v.PermitId, p => p.Id, (v, p) => new { Visit = v, Permit = p })
                .Join(db.Businesses, r => r.Permit.BusinessId, b => b.Id, (r, b) => new { r.Visit, r.Permit, b.Name, b.Address })
                .ToListAsync(cancellationToken);
            // Ordered again once joined (a join keeps no order).
            return new Response(
                [.. toBook.OrderBy(p => p.IssuedOn).ThenBy(p => p.PermitNumber, StringComparer.Ordinal)],
                [.. booked.OrderBy(p => p.Waiting!.To).ThenBy(p => p.Waiting!.From)],
                [.. calledOff.OrderBy(r => r.Visit.FromDate).Select(r => new PermitToVisit(r.Permit.Id, r.Permit.Number, r.Permit.Type, InspectionReads.TitleOf(r.Permit.Type), r.Permit.IssuedOn, r.Name, r.Address, null, InspectionReads.View(r.Visit, today)))]);
        }

        private async Task<IReadOnlyList<PermitToVisit>> RowsAsync(IQueryable<Permit> permits, DateOnly today, CancellationToken cancellationToken)
        {
            var rows = await permits.Take(Limit)
                .Join(db.Businesses, p => p.BusinessId, b => b.Id, (p, b) => new { Permit = p, b.Name, b.Address })
                .ToListAsync(cancellationToken);
            var ids = rows.Select(r => r.Permit.Id).ToList();
            var visits = (await db.InspectionVisits.AsNoTracking().Where(v => ids.Contains(v.PermitId) && v.ReplacedAt == null).ToListAsync(cancellationToken))
                .ToLookup(v => v.PermitId);
            return [.. rows.Select(r =>
            {
                var own = visits[r.Permit.Id].OrderByDescending(v => v.BookedAt).ToList();
                var waiting = own.FirstOrDefault(v => v.IsWaiting);
                var last = own.FirstOrDefault(v => !v.IsWaiting);
                return new PermitToVisit(r.Permit.Id, r.Permit.Number, r.Permit.Type, InspectionReads.TitleOf(r.Permit.Type), r.Permit.IssuedOn, r.Name, r.Address,
                    waiting is null ? null : InspectionReads.View(waiting, today), last is null ? null : InspectionReads.View(last, today));
            })];
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/inspections", async Task<Results<Ok<Response>, ProblemHttpResult>> (HttpContext http, ISender sender, CancellationToken cancellationToken) =>
            {
                RequestLanguage.SetContentLanguage(http, RequestLanguage.From(http));
                return (await sender.Send(new Query(), cancellationToken)).ToOk();
            })
            .WithName("ListInspections")
            .WithSummary($"Inspectors' visits: permits in force whose holders are visited (verified Standard Certificate, hygiene certificate) with no visit waiting and the standard not yet found met (toBook, oldest first), the visits booked (booked, the soonest last day first), and the visits called off when their permits ended whose days have not all passed (calledOff, in last: the inspector's office is to be told; each leaves the list once marked told). At most {Limit} of each.");
}
