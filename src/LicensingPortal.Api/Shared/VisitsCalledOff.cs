namespace LicensingPortal.Api.Shared;

/// <summary>
/// Calls off the inspectors' visits waiting on permits that have just ended (a revocation, a closed business, a change
/// that replaced or dropped a permit), in the unit of work that ended them, and tells each owner at once (inbox, e-mail
/// even with e-mails off, webhook) that from now on nobody comes for that permit: someone at the door "for the
/// inspection" of it is not from the office (ADR 0036). A permit that lapses takes no call-off: a visit is booked within
/// the permit's validity, so its days have passed by then.
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

        // The permits' rows first, as a booking takes them, one at a time in one order (two use cases taking several
        // never wait on each other crosswise): a visit booked at the same moment either committed before, and is found
        // here, or waits, then reads the permit ended and is refused.
        foreach (var id in permits.Keys.Order())
        {
            await db.Permits.Where(p => p.Id == id).ExecuteUpdateAsync(set => set.SetProperty(p => p.Number, p => p.Number), cancellationToken);
        }

        var ids = permits.Keys.ToList();
        var waiting = await db.InspectionVisits.Where(InspectionVisit.Waiting).Where(v => ids.Contains(v.PermitId)).ToListAsync(cancellationToken);
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
            // A change's permit in this one's place (in this unit of work, not saved yet) is visited in its turn.
            var next = permit.ReplacedByPermitId is { } successor ? db.Permits.Local.FirstOrDefault(p => p.Id == successor)?.Number : null;
            var payload = InspectionPayload.Of(visit, permit, business.Name, replacedByNumber: next);
            await notifier.RaiseAsync(NoticeKind.InspectionCalledOff, permit.Id, business.OwnerId, Notices.InspectionCalledOff(payload), payload, cancellationToken);
        }
    }
}
