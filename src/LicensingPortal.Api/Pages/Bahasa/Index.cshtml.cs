using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Bahasa;

/// <summary>The language switch on every page: remembers the choice in a cookie for a year and goes back to the page.</summary>
[AllowAnonymous]
public sealed class IndexModel : PortalPage
{
    public IActionResult OnGet(string kode, string? kembali)
    {
        Cultures.Remember(Response, Languages.Parse(kode));
        return LocalRedirect(LocalOr(kembali, "/"));
    }
}
