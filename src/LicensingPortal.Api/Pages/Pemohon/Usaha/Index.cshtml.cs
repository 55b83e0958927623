using LicensingPortal.Api.Features.Businesses;

namespace LicensingPortal.Api.Pages.Pemohon.Usaha;

/// <summary>One's registered businesses, each with its NIB once issued, and the way to apply for one.</summary>
public sealed class IndexModel : PortalPage
{
    public IReadOnlyList<BusinessResponse> Businesses { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Businesses = (await Sender.Send(new ListBusinesses.Query(UserId), cancellationToken)).Value;
}
