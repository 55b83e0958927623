using Microsoft.AspNetCore.Authorization;

namespace LicensingPortal.Api.Pages;

/// <summary>The start page: what the service does, what an applicant needs, and the way in.</summary>
[AllowAnonymous]
public sealed class IndexModel : PortalPage
{
    public void OnGet()
    {
    }
}
