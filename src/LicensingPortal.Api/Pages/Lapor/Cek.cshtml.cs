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

    /// <summary>What the reporter adds to the report they opened (the second form).</summary>
    [BindProperty]
    public string? Addition { get; set; }

    public LevyReportView? Report { get; private set; }

    /// <summary>Whether the reporter just added to the report.</summary>
    public bool Added { get; private set; }

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

    /// <summary>Adds to the report opened with the number and code (posted again with the addition; the page is never cached).</summary>
    public async Task<IActionResult> OnPostTambahAsync(CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        var added = await Sender.Send(new AddToLevyReport.Command(null, null, Number, Code, Addition), cancellationToken);
        if (added.Succeeded)
        {
            Report = added.Value;
            Added = true;
            Addition = null;
            ModelState.Clear();
            return Page();
        }

        if (added.Error!.Code == ErrorCodes.LevyReportNotFound)
        {
            ModelState.AddModelError(nameof(Number), Texts.Get("Levy.Check.NotFound"));
            return Page();
        }

        ShowErrors(added.Error, new Dictionary<string, string>(StringComparer.Ordinal) { ["text"] = nameof(Addition) }, onlyTheseFields: true);
        var opened = await Sender.Send(new CheckLevyReport.Query(Number, Code), cancellationToken);
        Report = opened.Succeeded ? opened.Value : null;
        return Page();
    }
}
