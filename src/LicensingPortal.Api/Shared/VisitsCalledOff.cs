namespace LicensingPortal.Api.Shared;

/// <summary>
/// Calls off the inspectors' visits waiting on permits that have just ended (a revocation, a closed business, a change
/// that replaced or dropped a permit, a renewal taking over, a lapse), in the unit of work that ended them, and tells
/// each owner at once (inbox, e-mail even with e-mails off, webhook) that nobody comes for the visit: someone at the
/// door "for the inspection" of a permit that ended is not from the office (ADR 0036).
/// </summary>
public sealed class VisitsCalledOff(LicensingDbContext db, Notifier notifier)
{
    public async Task CallOffAsync(IEnumerable<Permit> ended, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ended);
        var permits = ended.Where(p => InspectionVisit.VisitedTypes.Contains(p.Type)).DistinctBy(p => p.Id).ToDictionary(p => p.Id);
        if (permits.Count == 0)
        {
            return;
        }

        // The permits' rows first, as a booking takes them: a visit booked at the same moment either committed before
        // (and is found here) or waits, then reads the permit ended and is refused.
        var ids = permits.Keys.ToList();
        await db.Permits.Where(p => ids.Contains(p.Id)).ExecuteUpdateAsync(set => set.SetProperty(p => p.Number, p => p.Number), cancellationToken);
        var waiting = await db.InspectionVisits
            .Where(v => ids.Contains(v.PermitId) && v.ReplacedAt == null && v.CalledOffAt == null && v.Outcome == null)
            .ToListAsync(cancellationToken);
        if (waiting.Count == 0)
        {
            return;
        }

        var businessIds = waiting.Select(v => v.BusinessId).Distinct().ToList();
        var businesses = await db.Businesses.AsNoTracking().Where(b => businessIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, cancellationToken);
        foreach (var visit in waiting)
        {
            visit.CallOff(now);
            var permit = permits[visit.PermitId];
            var business = businesses[visit.BusinessId];
            var payload = InspectionPayload.Of(visit, permit, business.Name);
            await notifier.RaiseAsync(NoticeKind.InspectionCalledOff, permit.Id, business.OwnerId, Notices.InspectionCalledOff(payload), payload, cancellationToken);
        }
    }
}
