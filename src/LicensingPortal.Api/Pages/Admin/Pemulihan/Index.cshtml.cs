using LicensingPortal.Api.Features.Accounts;

namespace LicensingPortal.Api.Pages.Admin.Pemulihan;

/// <summary>Owners' requests for their account back (the same use case as GET /api/admin/account-recoveries): those waiting, oldest first, then the last answered.</summary>
public sealed class IndexModel : PortalPage
{
    public ListAccountRecoveries.Response Requests { get; private set; } = new([], []);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Requests = (await Sender.Send(new ListAccountRecoveries.Query(), cancellationToken)).Value;
}
