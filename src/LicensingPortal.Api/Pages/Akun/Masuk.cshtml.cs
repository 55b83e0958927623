using System.Security.Claims;
using LicensingPortal.Api.Features.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Akun;

/// <summary>
/// Sign in with the same use case as POST /api/auth/login; the identity it gives becomes a sign-in cookie here
/// (Secure, HttpOnly, SameSite=Lax) instead of a bearer token. Goes back to the page that asked for it.
/// </summary>
[AllowAnonymous]
public sealed class MasukModel : PortalPage
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool Reset { get; private set; }

    /// <summary>The sign-in expired while answering: what was sent is kept and offered back after signing in.</summary>
    public bool AnswersKept { get; private set; }

    public void OnGet(bool reset = false)
    {
        Reset = reset;
        AnswersKept = PendingAnswers.AreKeptFor(HttpContext, ReturnUrl);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await Sender.Send(new LogIn.Command(Email ?? string.Empty, Password ?? string.Empty, Address: HttpContext.Connection.RemoteIpAddress?.ToString()), cancellationToken);
        if (!result.Succeeded)
        {
            if (result.Error!.Errors is not null)
            {
                ShowErrors(result.Error, new Dictionary<string, string> { ["email"] = nameof(Email), ["password"] = nameof(Password) });
            }
            else
            {
                ModelState.AddModelError(nameof(Email), T("SignIn.Refused"));
            }

            AnswersKept = PendingAnswers.AreKeptFor(HttpContext, ReturnUrl);
            return Page();
        }

        if (result.Value.CodeNeededFor is { } accountId)
        {
            // The password was right: Identity's short-lived two-factor cookie remembers whose, for the code's page.
            var waiting = new ClaimsIdentity(IdentityConstants.TwoFactorUserIdScheme);
            waiting.AddClaim(new Claim(ClaimTypes.Name, accountId.ToString()));
            await HttpContext.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(waiting));
            return RedirectToPage("/Akun/MasukKode", new { ReturnUrl });
        }

        return await SignInAndGoOnAsync(result.Value.SignedIn!, ReturnUrl);
    }

    private static string T(string key) => Infrastructure.Web.Texts.Get(key);
}
