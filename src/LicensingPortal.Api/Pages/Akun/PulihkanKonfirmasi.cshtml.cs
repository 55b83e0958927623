using LicensingPortal.Api.Features.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace LicensingPortal.Api.Pages.Akun;

/// <summary>
/// The page the link e-mailed to a request's new address opens (the same use case as POST /api/auth/recovery/confirm):
/// the request goes on to the administrators, and the page says where and by when the answer comes.
/// </summary>
[AllowAnonymous]
public sealed class PulihkanKonfirmasiModel : PortalPage
{
    public ConfirmAccountRecovery.Response? Confirmed { get; private set; }

    public async Task OnGetAsync(string? kode, CancellationToken cancellationToken)
    {
        // The link's secret stays out of caches and out of the next page's Referer.
        Response.Headers.CacheControl = "no-store";
        var result = await Sender.Send(new ConfirmAccountRecovery.Command(kode), cancellationToken);
        Confirmed = result.Succeeded ? result.Value : null;
    }
}
