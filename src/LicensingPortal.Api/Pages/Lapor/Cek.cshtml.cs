using LicensingPortal.Api.Features.Integrity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Lapor;

/// <summary>
/// Someone who reported without an account reads the answers with the report's number and secret code (the same use
/// case as POST /api/public/levy-reports/check). Posted, never in the address, so the code stays out of histories and logs.
/// </summary>
[AllowAnonymous]
public sealed class CekModel : PortalPage
{
    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["number"] = nameof(Number),
        ["code"] = nameof(Code),
    };

    [BindProperty]
    public string? Number { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    public LevyReportView? Report { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        var result = await Sender.Send(new CheckLevyReport.Query(Number, Code), cancellationToken);
        if (result.Succeeded)
        {
            Report = result.Value;
        }
        else if (result.Error!.Code == ErrorCodes.LevyReportNotFound)
        {
            ModelState.AddModelError(nameof(Number), Texts.Get("Levy.Check.NotFound"));
        }
        else
        {
            ShowErrors(result.Error, Fields);
        }

        return Page();
    }
}
