using LicensingPortal.Api.Features.Businesses;
using LicensingPortal.Api.Features.Permits;

namespace LicensingPortal.Api.Pages.Pemohon.Izin;

/// <summary>The permits of one's businesses with their validity, and each one as a PDF with its QR code.</summary>
public sealed class IndexModel : PortalPage
{
    public IReadOnlyList<PermitResponse> Permits { get; private set; } = [];

    /// <summary>Each business's name, so an owner of two businesses can tell their permits apart.</summary>
    public IReadOnlyDictionary<Guid, string> BusinessNames { get; private set; } = new Dictionary<Guid, string>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Permits = (await Sender.Send(new ListPermits.Query(UserId, Language), cancellationToken)).Value;
        BusinessNames = (await Sender.Send(new ListBusinesses.Query(UserId), cancellationToken)).Value.ToDictionary(b => b.Id, b => b.Name);
    }
}
