using LicensingPortal.Api.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Akun;

/// <summary>Asks for a code to set a new password; the answer is the same for any address.</summary>
[AllowAnonymous]
public sealed class LupaSandiModel : PortalPage
{
    [BindProperty]
    public string? Email { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await Sender.Send(new ForgotPassword.Command(Email ?? string.Empty), cancellationToken);
        if (!result.Succeeded)
        {
            ShowErrors(result.Error!, new Dictionary<string, string> { ["email"] = nameof(Email) });
            return Page();
        }

        return RedirectToPage("/Akun/AturSandi", new { email = Email });
    }
}
