using LicensingPortal.Api.Features.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace LicensingPortal.Api.Pages.Akun;

/// <summary>The page the e-mailed confirmation link opens: confirms the address (the same use case as the API's confirmEmail).</summary>
[AllowAnonymous]
public sealed class KonfirmasiModel : PortalPage
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(string? userId, string? code, CancellationToken cancellationToken) =>
        Confirmed = (await Sender.Send(new ConfirmEmail.Command(userId, code), cancellationToken)).Succeeded;
}
