using LicensingPortal.Api.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Akun;

/// <summary>Asks for a new confirmation link; the answer is the same for any address.</summary>
[AllowAnonymous]
public sealed class KirimUlangModel : PortalPage
{
    [BindProperty]
    public string? Email { get; set; }

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await Sender.Send(new ResendConfirmationEmail.Command(Email ?? string.Empty), cancellationToken);
        if (!result.Succeeded)
        {
            ShowErrors(result.Error!, new Dictionary<string, string> { ["email"] = nameof(Email) });
            return Page();
        }

        Sent = true;
        return Page();
    }
}
