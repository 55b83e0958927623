using LicensingPortal.Api.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Akun;

/// <summary>
/// The page the link e-mailed to a request's new address opens (the same use case as POST /api/auth/recovery/confirm):
/// its button sends the request on to the administrators (opening the link alone does not: mail scanners open links),
/// then the page says where and by when the answer comes.
/// </summary>
[AllowAnonymous]
public sealed class PulihkanKonfirmasiModel : PortalPage
{
    [BindProperty(SupportsGet = true)]
    public string? Kode { get; set; }

    /// <summary>Set once the button was pressed: the answer, or null when the link no longer works.</summary>
    public ConfirmAccountRecovery.Response? Confirmed { get; private set; }

    public bool Pressed { get; private set; }

    public void OnGet() =>
        // The link's secret stays out of caches.
        Response.Headers.CacheControl = "no-store";

    public async Task OnPostAsync(CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        Pressed = true;
        var result = await Sender.Send(new ConfirmAccountRecovery.Command(Kode), cancellationToken);
        Confirmed = result.Succeeded ? result.Value : null;
    }
}
