using LicensingPortal.Api.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Akun;

/// <summary>Register an applicant account (the same use case as POST /api/auth/register); a confirmation link is e-mailed.</summary>
[AllowAnonymous]
public sealed class DaftarModel : PortalPage
{
    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["email"] = nameof(Email),
        ["password"] = nameof(Password),
    };

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await Sender.Send(new Register.Command(Email ?? string.Empty, Password ?? string.Empty, Language.Code()), cancellationToken);
        if (result.Succeeded)
        {
            return RedirectToPage("/Akun/PeriksaEmail", new { email = Email });
        }

        ShowErrors(result.Error!, Fields.Concat(IdentityFields(result.Error!)).ToDictionary());
        return Page();
    }

    /// <summary>Identity's error codes name the field they are about.</summary>
    private static IEnumerable<KeyValuePair<string, string>> IdentityFields(Error error) =>
        (error.Errors?.Keys ?? []).Where(key => !Fields.ContainsKey(key)).Select(key =>
            new KeyValuePair<string, string>(key, key.Contains("Password", StringComparison.Ordinal) ? nameof(Password) : nameof(Email)));
}
