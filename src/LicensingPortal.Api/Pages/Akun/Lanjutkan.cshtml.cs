using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Akun;

/// <summary>
/// After signing in again: the answers that were sent when the sign-in had expired, ready to be sent to their page
/// once more (with a fresh anti-forgery token), so nothing typed is lost.
/// </summary>
[AllowAnonymous]
public sealed class LanjutkanModel : PortalPage
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public PendingAnswers.Pending? Answers { get; private set; }

    public IActionResult OnGet()
    {
        var back = LocalOr(ReturnUrl, "/");
        if (User.Identity?.IsAuthenticated != true)
        {
            return RedirectToPage("/Akun/Masuk", new { ReturnUrl = back });
        }

        Answers = PendingAnswers.Take(HttpContext, back);
        return Answers is null ? LocalRedirect(back) : Page();
    }
}
