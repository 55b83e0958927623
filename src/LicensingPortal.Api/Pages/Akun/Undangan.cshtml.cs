using LicensingPortal.Api.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Akun;

/// <summary>
/// The invitation's link: the invited person chooses a password (the same use case as
/// POST /api/auth/invitations/accept), is signed in, and goes on to turn on two-step sign-in.
/// </summary>
[AllowAnonymous]
public sealed class UndanganModel : PortalPage
{
    [BindProperty(SupportsGet = true, Name = "kode")]
    public string? Code { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await Sender.Send(new AcceptInvitation.Command(Code ?? string.Empty, Password ?? string.Empty, HttpContext.Connection.RemoteIpAddress?.ToString()), cancellationToken);
        if (!result.Succeeded)
        {
            if (result.Error!.Code == ErrorCodes.InvitationInvalid || result.Error.Errors is null)
            {
                ModelState.AddModelError(string.Empty, Describe(result.Error));
            }
            else
            {
                foreach (var message in result.Error.Errors.SelectMany(e => e.Value))
                {
                    ModelState.AddModelError(nameof(Password), message);
                }
            }

            return Page();
        }

        return await SignInAndGoOnAsync(result.Value.SignedIn, null);
    }
}
