using LicensingPortal.Api.Features.Inspections;

namespace LicensingPortal.Api.Pages;

/// <summary>
/// What an owner reads beside a permit whose holder is visited (Shared/_Inspection): the visit to come (who, from
/// which office, when), its result once recorded, or, before one is booked, that they will be told who comes.
/// </summary>
public sealed record InspectionBox(string Type, InspectionVisitView? Visit)
{
    /// <summary>The latest visit of each permit (by number) among one's own (GET /api/me/inspections), for the permits' pages.</summary>
    public static async Task<IReadOnlyDictionary<string, InspectionVisitView>> LatestAsync(ISender sender, Guid ownerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sender);
        var visits = await sender.Send(new ListMyInspections.Query(ownerId), cancellationToken);
        return visits.Succeeded
            ? visits.Value.GroupBy(v => v.PermitNumber, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Visit, StringComparer.Ordinal)
            : new Dictionary<string, InspectionVisitView>();
    }
}
