using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Bahasa;

/// <summary>The language switch on every page: remembers the choice in a cookie for a year and goes back to the page.</summary>
[AllowAnonymous]
public sealed class IndexModel : PortalPage
{
    public IActionResult OnGet(string kode, string? kembali)
    {
        var language = Languages.Parse(kode);
        Response.Cookies.Append(Cultures.CookieName, Cultures.CookieValue(language), new CookieOptions
        {
            Expires = DateTimeOffset.UtcNow.AddYears(1),
            IsEssential = true,
            HttpOnly = true,
            Secure = true,
            SameSite = SameSiteMode.Lax,
        });
        return LocalRedirect(LocalOr(kembali, "/"));
    }
}
