using System.Security.Claims;
using LicensingPortal.Api.Features.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Akun;

/// <summary>
/// The sign-in's second step, after a right password: the 6-digit code from the authenticator app, or one of the
/// recovery codes (the same use case as the API's <c>twoFactorCode</c> and <c>twoFactorRecoveryCode</c>).
/// </summary>
[AllowAnonymous]
public sealed class MasukKodeModel : PortalPage
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? RecoveryCode { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await WaitingAccountAsync() is null ? RedirectToPage("/Akun/Masuk", new { ReturnUrl }) : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await WaitingAccountAsync() is not { } accountId)
        {
            return RedirectToPage("/Akun/Masuk", new { ReturnUrl });
        }

        var result = await Sender.Send(new LogInWithCode.Command(accountId, Code, RecoveryCode, HttpContext.Connection.RemoteIpAddress?.ToString()), cancellationToken);
        if (!result.Succeeded)
        {
            if (result.Error!.Errors is not null)
            {
                ShowErrors(result.Error, new Dictionary<string, string>(StringComparer.Ordinal) { ["code"] = nameof(Code), ["recoveryCode"] = nameof(RecoveryCode) });
            }
            else
            {
                ModelState.AddModelError(string.IsNullOrWhiteSpace(RecoveryCode) ? nameof(Code) : nameof(RecoveryCode), Describe(result.Error));
            }

            return Page();
        }

        await HttpContext.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        return await SignInAndGoOnAsync(result.Value, ReturnUrl);
    }

    private async Task<Guid?> WaitingAccountAsync()
    {
        var waiting = await HttpContext.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        return Guid.TryParse(waiting.Principal?.FindFirstValue(ClaimTypes.Name), out var id) ? id : null;
    }
}
