namespace LicensingPortal.Api.Features.Inspections;

/// <summary>
/// An inspector's visit as read by the officers and the owner: the office, the inspector (the NIP grouped as on the ID
/// card), the days; once recorded, the outcome, the day and the findings; late when its last day passed unrecorded;
/// called off when its permit ended before it took place, and when an officer marked its inspector's office told.
/// </summary>
public sealed record InspectionVisitView(
    Guid Id,
    Guid PermitId,
    string Agency,
    string InspectorName,
    string InspectorNip,
    DateOnly From,
    DateOnly To,
    DateTimeOffset BookedAt,
    bool Replaced,
    bool CalledOff,
    InspectionOutcome? Outcome,
    DateOnly? VisitedOn,
    string? Findings,
    bool Late,
    DateTimeOffset? OfficeToldAt = null);

/// <summary>A permit whose holder is visited, in the officers' list: the permit, the business, and its visit waiting or its last one.</summary>
public sealed record PermitToVisit(Guid PermitId, string PermitNumber, string PermitType, string PermitTitle, DateOnly IssuedOn, string BusinessName, string BusinessAddress, InspectionVisitView? Waiting, InspectionVisitView? Last);

internal static class InspectionReads
{
    public static readonly Error NotFound = Error.NotFound(ErrorCodes.InspectionNotFound, "No such visit, or no permit whose holder is visited.");

    /// <summary>The name of the business <paramref name="visit"/> goes to, as an officer's page names it after a change to the visit.</summary>
    public static Task<string> BusinessNameAsync(LicensingDbContext db, InspectionVisit visit, CancellationToken cancellationToken) =>
        db.Businesses.AsNoTracking().Where(b => b.Id == visit.BusinessId).Select(b => b.Name).SingleAsync(cancellationToken);

    public static InspectionVisitView View(InspectionVisit visit, DateOnly today) => new(
        visit.Id,
        visit.PermitId,
        visit.Agency,
        visit.InspectorName,
        InspectionVisit.NipShown(visit.InspectorNip),
        visit.FromDate,
        visit.ToDate,
        visit.BookedAt,
        visit.ReplacedAt is not null,
        visit.CalledOffAt is not null,
        visit.Outcome,
        visit.VisitedOn,
        visit.Findings,
        visit.IsWaiting && visit.ToDate < today,
        visit.OfficeToldAt);

    /// <summary>The permit type's name in the request's language.</summary>
    public static string TitleOf(string type) => Texts.NameOf("PermitTitle", type, System.Globalization.CultureInfo.CurrentUICulture);

    /// <summary>Whether a permit already read is in force on <paramref name="today"/>, as <see cref="VisitedInForce"/> selects them.</summary>
    public static bool InForce(Permit permit, DateOnly today) => permit.StatusOn(today) == PermitStatus.Active && !permit.StartsAfter(today);

    /// <summary>Permits whose holders are visited, in force on <paramref name="today"/> (a renewal waiting to start is not: the permit it renews is).</summary>
    public static IQueryable<Permit> VisitedInForce(LicensingDbContext db, DateOnly today)
    {
        var types = InspectionVisit.VisitedTypes.ToList();
        return db.Permits.Where(p => types.Contains(p.Type) && p.Status == PermitStatus.Active && p.ValidFrom <= today && (p.ValidUntil == null || p.ValidUntil >= today));
    }
}
