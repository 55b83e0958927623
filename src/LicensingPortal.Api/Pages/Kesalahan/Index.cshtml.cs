using Microsoft.AspNetCore.Authorization;

namespace LicensingPortal.Api.Pages.Kesalahan;

/// <summary>The page shown instead of a bare status code: not found, forbidden, too many requests, or a fault.</summary>
[AllowAnonymous]
[Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryToken]
public sealed class IndexModel : PortalPage
{
    public string Kind { get; private set; } = "NotFound";

    public void OnGet(int code)
    {
        Kind = Of(code);
        if (code is >= 400 and < 600)
        {
            // Opened directly (as the "access denied" page is): answer with the status it describes.
            Response.StatusCode = code;
        }
    }

    public void OnPost(int code) => Kind = Of(code);

    private static string Of(int code) => code switch
    {
        404 or 405 => "NotFound",
        401 or 403 => "Forbidden",
        429 => "TooMany",
        413 => "TooLarge",
        400 or 414 or 415 => "BadRequest",
        _ => "Fault",
    };
}
