using LicensingPortal.Api.Features.Businesses;
using LicensingPortal.Api.Features.Permits;

namespace LicensingPortal.Api.Pages.Pemohon.Izin;

/// <summary>The permits of one's businesses with their validity, and each one as a PDF with its QR code.</summary>
public sealed class IndexModel : PortalPage
{
    public IReadOnlyList<PermitResponse> Permits { get; private set; } = [];

    /// <summary>Each business's name, so an owner of two businesses can tell their permits apart.</summary>
    public IReadOnlyDictionary<Guid, string> BusinessNames { get; private set; } = new Dictionary<Guid, string>();

    /// <summary>The businesses their owner closed: an ended permit of theirs is not applied for again.</summary>
    public IReadOnlySet<Guid> Closed { get; private set; } = new HashSet<Guid>();

    /// <summary>Each visited permit's latest inspector's visit, by permit number (GET /api/me/inspections).</summary>
    public IReadOnlyDictionary<string, Features.Inspections.InspectionVisitView> Visits { get; private set; } = new Dictionary<string, Features.Inspections.InspectionVisitView>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Permits = EndedAfterTheirSuccessors(RenewalsAfterTheirPermits((await Sender.Send(new ListPermits.Query(UserId, Language), cancellationToken)).Value));
        var businesses = (await Sender.Send(new ListBusinesses.Query(UserId), cancellationToken)).Value;
        BusinessNames = businesses.ToDictionary(b => b.Id, b => b.Name);
        Closed = businesses.Where(b => b.ClosedOn is not null).Select(b => b.Id).ToHashSet();
        if (Permits.Any(p => InspectionVisit.VisitedTypes.Contains(p.Type)))
        {
            Visits = await InspectionBox.LatestAsync(Sender, UserId, Wita.Today(Clock), cancellationToken);
        }
    }

    /// <summary>
    /// A permit that ended and was applied for again right under the permit that took over: the one to print and
    /// display is read first, the old one after it (it was listed first, being older).
    /// </summary>
    internal static IReadOnlyList<PermitResponse> EndedAfterTheirSuccessors(IReadOnlyList<PermitResponse> permits)
    {
        var ended = permits.Where(p => p.AppliedAgainAs is { } successor && permits.Any(q => q.Number == successor)).ToList();
        var ordered = permits.Except(ended).ToList();
        foreach (var permit in ended)
        {
            var successor = ordered.FindIndex(p => p.Number == permit.AppliedAgainAs);
            ordered.Insert(successor < 0 ? ordered.Count : successor + 1, permit);
        }

        return ordered;
    }

    /// <summary>
    /// The permits in the order listed, but a renewal right under the permit it renews: two cards of one title, the
    /// old one still to be displayed until its last day, are read together (a renewal was listed wherever its
    /// issue date put it, below other permits).
    /// </summary>
    internal static IReadOnlyList<PermitResponse> RenewalsAfterTheirPermits(IReadOnlyList<PermitResponse> permits)
    {
        var byNumber = permits.ToDictionary(p => p.Number, StringComparer.Ordinal);
        var renewals = permits.Where(p => p.RenewedBy is not null && byNumber.ContainsKey(p.RenewedBy)).Select(p => p.RenewedBy!).ToHashSet(StringComparer.Ordinal);
        var ordered = new List<PermitResponse>(permits.Count);
        var placed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var permit in permits.Where(p => !renewals.Contains(p.Number)))
        {
            // A chain of renewals follows its first permit, each under the one it renews.
            for (var next = permit; next is not null && placed.Add(next.Number); next = next.RenewedBy is { } number && renewals.Contains(number) ? byNumber[number] : null)
            {
                ordered.Add(next);
            }
        }

        // Whatever no chain reached (links that could only loop) keeps its place at the end rather than vanish.
        ordered.AddRange(permits.Where(p => !placed.Contains(p.Number)));
        return ordered;
    }
}
