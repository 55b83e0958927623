using LicensingPortal.Api.Features.Accounts;
using LicensingPortal.Api.Infrastructure.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using QRCoder;

namespace LicensingPortal.Api.Pages.Akun;

/// <summary>
/// Two-step sign-in for one's own account (the same use cases as /api/auth/two-factor): add the key to an
/// authenticator app by its QR code or by typing it, confirm with a code, and keep the recovery codes shown once.
/// Staff accounts come here at their first sign-in and cannot use a staff page before it is done; applicants may
/// turn it on (and off) from their settings.
/// </summary>
[Authorize(Policy = Policies.AccountPages)]
public sealed class DuaLangkahModel : PortalPage
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public GetTwoFactor.Response? State { get; private set; }

    /// <summary>The QR code of the key's otpauth:// address, as a PNG data address.</summary>
    public string? QrCode { get; private set; }

    /// <summary>Recovery codes just made: shown this once.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public string Next => LocalOr(ReturnUrl, Roles.HomeOf(User));

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await ShowAsync(cancellationToken);

    public async Task<IActionResult> OnPostEnableAsync(CancellationToken cancellationToken)
    {
        var result = await Sender.Send(new EnableTwoFactor.Command(User, Code ?? string.Empty, KeepThisSignIn: true), cancellationToken);
        if (!result.Succeeded)
        {
            ShowErrors(result.Error!, new Dictionary<string, string>(StringComparer.Ordinal) { ["code"] = nameof(Code) });
            return await ShowAsync(cancellationToken);
        }

        // Turning it on ended the account's earlier sign-ins; this one goes on with the fresh identity.
        await SignInAsync(result.Value.SignedIn);
        RecoveryCodes = result.Value.RecoveryCodes;
        return await ShowAsync(cancellationToken, enabledJustNow: true);
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync(CancellationToken cancellationToken)
    {
        var result = await Sender.Send(new NewRecoveryCodes.Command(UserId), cancellationToken);
        if (!result.Succeeded)
        {
            return Failure(result.Error!);
        }

        RecoveryCodes = result.Value.RecoveryCodes;
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken cancellationToken)
    {
        var result = await Sender.Send(new DisableTwoFactor.Command(UserId), cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, Describe(result.Error!));
            return await ShowAsync(cancellationToken);
        }

        // Turning it off ended every sign-in, this one too.
        await HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        return RedirectToPage("/Akun/Masuk", new { ReturnUrl = "/akun/dua-langkah" });
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken, bool enabledJustNow = false)
    {
        var state = await Sender.Send(new GetTwoFactor.Query(UserId), cancellationToken);
        if (!state.Succeeded)
        {
            return Failure(state.Error!);
        }

        State = state.Value;
        if (State.AuthenticatorUri is { } uri && !enabledJustNow)
        {
            using var generator = new QRCodeGenerator();
            using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
            QrCode = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
        }

        return Page();
    }
}
