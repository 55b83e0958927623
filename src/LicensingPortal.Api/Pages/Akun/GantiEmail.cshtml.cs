using LicensingPortal.Api.Features.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Akun;

/// <summary>
/// The page the link sent to a new address opens: it says which address would become the account's, and the button
/// makes it so (the same use case as POST /api/auth/confirmEmailChange). Every sign-in of the account ends, this
/// browser's too: its owner signs in again with the new address.
/// </summary>
[AllowAnonymous]
public sealed class GantiEmailModel : PortalPage
{
    [BindProperty(SupportsGet = true, Name = "userId")]
    public string? UserIdText { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    /// <summary>The account's address once changed.</summary>
    public string? Changed { get; private set; }

    /// <summary>Why the link did nothing, in words.</summary>
    public string? Failed { get; private set; }

    public void OnGet()
    {
        if (string.IsNullOrWhiteSpace(UserIdText) || string.IsNullOrWhiteSpace(Email) || string.IsNullOrWhiteSpace(Code))
        {
            Failed = Texts.Get("ChangeEmail.LinkInvalid");
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var changed = await Sender.Send(new ConfirmEmailChange.Command(UserIdText, Email, Code), cancellationToken);
        if (!changed.Succeeded)
        {
            Failed = changed.Error!.Code == ErrorCodes.EmailTaken ? changed.Error.Detail : Texts.Get("ChangeEmail.LinkInvalid");
            return Page();
        }

        // The account's sign-ins ended on the server; this browser forgets its own too.
        await HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        Changed = changed.Value.Email;
        return Page();
    }
}
