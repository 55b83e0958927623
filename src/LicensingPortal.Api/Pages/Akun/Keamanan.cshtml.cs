using LicensingPortal.Api.Features.Accounts;
using LicensingPortal.Api.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Akun;

/// <summary>
/// Keeping one's own account safe (the same use cases as POST /api/auth/manage/password, /api/auth/manage/email and
/// /api/auth/sessions/end-others): change the password, change the account's address (applicants), sign out of every
/// other device, and two-step sign-in's state.
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

    /// <summary>The address asked for, and the current password given with it (a form of its own).</summary>
    [BindProperty]
    public string? NewEmail { get; set; }

    [BindProperty]
    public string? EmailPassword { get; set; }

    private static readonly Dictionary<string, string> EmailFields = new(StringComparer.Ordinal)
    {
        ["newEmail"] = nameof(NewEmail),
        ["currentPassword"] = nameof(EmailPassword),
    };

    private const string SentToKey = "Keamanan.EmailKe";

    /// <summary>Where the link to a new address went, said once after the redirect.</summary>
    public string? SentTo { get; private set; }

    private const string DoneKey = "Keamanan.Selesai";

    /// <summary>What was just done, said once after the redirect: "sandi" after a changed password, "perangkat" after signing out elsewhere.</summary>
    public string? Done { get; private set; }

    public GetAccountInfo.Response? Account { get; private set; }

    /// <summary>The newest sign-ins of the account (at most <see cref="SignInsShown"/>), this one marked.</summary>
    public IReadOnlyList<ListMySessions.Item> SignIns { get; private set; } = [];

    public const int SignInsShown = 10;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Done = TempData[DoneKey] as string;
        SentTo = TempData[SentToKey] as string;
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostPasswordAsync(CancellationToken cancellationToken)
    {
        var result = await Sender.Send(new ChangePassword.Command(User, CurrentPassword ?? string.Empty, NewPassword ?? string.Empty, KeepThisSignIn: true), cancellationToken);
        if (!result.Succeeded)
        {
            ShowErrors(result.Error!, Fields);
            return await ShowAsync(cancellationToken);
        }

        // The new password ended the account's other sign-ins; this one goes on with the fresh identity.
        await SignInAsync(result.Value.SignedIn);
        TempData[DoneKey] = "sandi";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEmailAsync(CancellationToken cancellationToken)
    {
        var result = await Sender.Send(new ChangeEmail.Command(User, NewEmail ?? string.Empty, EmailPassword ?? string.Empty), cancellationToken);
        if (!result.Succeeded)
        {
            if (result.Error!.Errors is null)
            {
                return Failure(result.Error);
            }

            ShowErrors(result.Error, EmailFields);
            return await ShowAsync(cancellationToken);
        }

        TempData[DoneKey] = "email";
        TempData[SentToKey] = result.Value.SentTo;
        return RedirectToPage(null, null, "email");
    }

    public async Task<IActionResult> OnPostOthersAsync(CancellationToken cancellationToken)
    {
        var result = await Sender.Send(new EndOtherSessions.Command(User), cancellationToken);
        if (!result.Succeeded)
        {
            return Failure(result.Error!);
        }

        TempData[DoneKey] = "perangkat";
        return RedirectToPage();
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        var account = await Sender.Send(new GetAccountInfo.Query(UserId), cancellationToken);
        if (!account.Succeeded)
        {
            return Failure(account.Error!);
        }

        Account = account.Value;
        var signIns = await Sender.Send(new ListMySessions.Query(User), cancellationToken);
        if (!signIns.Succeeded)
        {
            return Failure(signIns.Error!);
        }

        SignIns = signIns.Value.Take(SignInsShown).ToList();
        return Page();
    }
}
