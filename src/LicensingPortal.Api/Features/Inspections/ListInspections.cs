using LicensingPortal.Api.Infrastructure;

namespace LicensingPortal.Api.Features.Inspections;

/// <summary>
/// The officers' list of visits: permits in force whose holders are visited and whose standard is not yet found met,
/// those with no visit waiting to book (the oldest permit first, a visit that found the standard not met among them),
/// and the visits booked, the soonest first (late ones, whose last day passed unrecorded, at the top).
/// </summary>
public static class ListInspections
{
    /// <summary>At most this many of each list; the rest come as the first are dealt with.</summary>
    public const int Limit = 200;

    public sealed record Response(IReadOnlyList<PermitToVisit> ToBook, IReadOnlyList<PermitToVisit> Booked);

    public sealed record Query : IQuery<Result<Response>>;

    public sealed class Handler(LicensingDbContext db, TimeProvider time) : IQueryHandler<Query, Result<Response>>
    {
        public async ValueTask<Result<Response>> Handle(Query query, CancellationToken cancellationToken)
        {
            var today = Wita.Today(time);
            var open = InspectionReads.VisitedInForce(db, today).AsNoTracking()
                .Where(p => !db.InspectionVisits.Any(v => v.PermitId == p.Id && v.Outcome == InspectionOutcome.Met));
            var waitingIds = db.InspectionVisits.Where(v => v.ReplacedAt == null && v.CalledOffAt == null && v.Outcome == null).Select(v => v.PermitId);
            var toBook = await RowsAsync(open.Where(p => !waitingIds.Contains(p.Id)).OrderBy(p => p.IssuedOn).ThenBy(p => p.Number), today, cancellationToken);
            // The soonest last day first, in the query, so a late visit is never the one cut off by the limit.
            var booked = await RowsAsync(
                open.Where(p => waitingIds.Contains(p.Id))
                    .OrderBy(p => db.InspectionVisits.Where(v => v.PermitId == p.Id && v.ReplacedAt == null && v.CalledOffAt == null && v.Outcome == null).Min(v => v.ToDate)),
                today,
                cancellationToken);
            // Ordered again once joined (a join keeps no order).
            return new Response([.. toBook.OrderBy(p => p.IssuedOn).ThenBy(p => p.PermitNumber, StringComparer.Ordinal)], [.. booked.OrderBy(p => p.Waiting!.To).ThenBy(p => p.Waiting!.From)]);
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
            .WithSummary($"Inspectors' visits: permits in force whose holders are visited (verified Standard Certificate, hygiene certificate) with no visit waiting and the standard not yet found met (toBook, oldest first), and the visits booked (booked, the soonest last day first). At most {Limit} of each.");
}
