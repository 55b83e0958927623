using LicensingPortal.Api.Features.Permits;

namespace LicensingPortal.Api.Pages.Pemohon.Izin;

/// <summary>The permits of one's businesses with their validity, and each one as a PDF with its QR code.</summary>
public sealed class IndexModel : PortalPage
{
    public IReadOnlyList<PermitResponse> Permits { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Permits = (await Sender.Send(new ListPermits.Query(UserId, Language), cancellationToken)).Value;
}
