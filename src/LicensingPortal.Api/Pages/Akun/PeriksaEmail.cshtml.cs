using Microsoft.AspNetCore.Authorization;

namespace LicensingPortal.Api.Pages.Akun;

/// <summary>After registering: where the confirmation link went and what to do if it does not arrive.</summary>
[AllowAnonymous]
public sealed class PeriksaEmailModel : PortalPage
{
    public string? Email { get; private set; }

    public void OnGet(string? email) => Email = email;
}
