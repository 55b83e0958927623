using LicensingPortal.Api.Features.Accounts;
using LicensingPortal.Api.Infrastructure.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Akun;

/// <summary>
/// Keeping one's own account safe (the same use cases as POST /api/auth/manage/password and
/// /api/auth/sessions/end-others): change the password, sign out of every other device, and two-step sign-in's state.
/// </summary>
[Authorize(Policy = Policies.AccountPages)]
public sealed class KeamananModel : PortalPage
{
    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["currentPassword"] = nameof(CurrentPassword),
        ["newPassword"] = nameof(NewPassword),
    };

    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    /// <summary>What was just done: "sandi" after a changed password, "perangkat" after signing out elsewhere.</summary>
    [BindProperty(SupportsGet = true, Name = "selesai")]
    public string? Done { get; set; }

    public GetAccountInfo.Response? Account { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await ShowAsync(cancellationToken);

    public async Task<IActionResult> OnPostPasswordAsync(CancellationToken cancellationToken)
    {
        var result = await Sender.Send(new ChangePassword.Command(User, CurrentPassword ?? string.Empty, NewPassword ?? string.Empty), cancellationToken);
        if (!result.Succeeded)
        {
            ShowErrors(result.Error!, Fields);
            Done = null;
            return await ShowAsync(cancellationToken);
        }

        // The new password ended the account's other sign-ins; this one goes on with the fresh identity.
        await HttpContext.SignInAsync(IdentityConstants.ApplicationScheme, result.Value.SignedIn, new AuthenticationProperties { IsPersistent = false });
        return RedirectToPage(new { selesai = "sandi" });
    }

    public async Task<IActionResult> OnPostOthersAsync(CancellationToken cancellationToken)
    {
        var result = await Sender.Send(new EndOtherSessions.Command(User), cancellationToken);
        return result.Succeeded ? RedirectToPage(new { selesai = "perangkat" }) : Failure(result.Error!);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        var account = await Sender.Send(new GetAccountInfo.Query(UserId), cancellationToken);
        if (!account.Succeeded)
        {
            return Failure(account.Error!);
        }

        Account = account.Value;
        CurrentPassword = null;
        NewPassword = null;
        return Page();
    }
}
