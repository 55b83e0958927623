using LicensingPortal.Api.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Akun;

/// <summary>Sets a new password with the e-mailed code (the same use case as POST /api/auth/resetPassword).</summary>
[AllowAnonymous]
public sealed class AturSandiModel : PortalPage
{
    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    /// <summary>True when the page was opened from the e-mailed link, which carries the code: the field is not shown.</summary>
    public bool CodeFromLink { get; private set; }

    /// <summary>True when the code the e-mailed link carried was refused: the page says so and offers a new link.</summary>
    public bool LinkRefused { get; private set; }

    /// <summary>Sent back by the form opened from the link, so that a refused password keeps the page as it was.</summary>
    [BindProperty]
    public bool FromLink { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public void OnGet() => CodeFromLink = FromLink = !string.IsNullOrWhiteSpace(Code);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await Sender.Send(new ResetPassword.Command(Email ?? string.Empty, Code?.Trim() ?? string.Empty, Password ?? string.Empty), cancellationToken);
        if (result.Succeeded)
        {
            return RedirectToPage("/Akun/Masuk", new { reset = true });
        }

        var fields = new Dictionary<string, string> { ["email"] = nameof(Email), ["resetCode"] = nameof(Code), ["newPassword"] = nameof(Password), ["InvalidToken"] = nameof(Code) };
        foreach (var key in result.Error!.Errors?.Keys ?? [])
        {
            fields.TryAdd(key, key.Contains("Password", StringComparison.Ordinal) ? nameof(Password) : nameof(Code));
        }

        ShowErrors(result.Error, fields);
        // The link's own code refused (used, too old, cut short by a mail program): nothing on this page can help but a new link.
        var codeRefused = ModelState.GetFieldValidationState(nameof(Code)) == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid;
        LinkRefused = FromLink && codeRefused;
        CodeFromLink = FromLink && !codeRefused;
        return Page();
    }
}
