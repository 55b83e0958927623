using LicensingPortal.Api.Features.Inspections;

namespace LicensingPortal.Api.Pages;

/// <summary>
/// What an owner reads beside a permit whose holder is visited (Shared/_Inspection): the visit to come (who, from
/// which office, when), its result once recorded, or, before one is booked, that they will be told who comes.
/// </summary>
public sealed record InspectionBox(string Type, InspectionVisitView? Visit)
{
    /// <summary>How long after its last day a visit called off is still said beside its permit that ended.</summary>
    public const int CalledOffShownDays = 30;

    /// <summary>
    /// The latest visit of each permit (by number) among one's own (GET /api/me/inspections), for the permits' pages;
    /// one called off only until <see cref="CalledOffShownDays"/> after its last day (then the warning is old news).
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, InspectionVisitView>> LatestAsync(ISender sender, Guid ownerId, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sender);
        var visits = await sender.Send(new ListMyInspections.Query(ownerId), cancellationToken);
        return visits.Succeeded
            ? visits.Value.GroupBy(v => v.PermitNumber, StringComparer.Ordinal)
                .Select(g => g.First())
                .Where(v => !v.Visit.CalledOff || v.Visit.To.AddDays(CalledOffShownDays) >= today)
                .ToDictionary(v => v.PermitNumber, v => v.Visit, StringComparer.Ordinal)
            : new Dictionary<string, InspectionVisitView>();
    }
}
