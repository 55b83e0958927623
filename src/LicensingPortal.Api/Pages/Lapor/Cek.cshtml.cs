using LicensingPortal.Api.Features.Integrity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Lapor;

/// <summary>
/// Someone who reported without an account reads the answers with the report's number and secret code (the same use
/// case as POST /api/public/levy-reports/check). Posted, never in the address, so the code stays out of histories and logs.
/// </summary>
[AllowAnonymous]
[RequestSizeLimit(LevyEvidence.RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = LevyEvidence.RequestLimit)]
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

    /// <summary>Up to three photos or PDFs sent with the addition (optional; they may come without words).</summary>
    [BindProperty]
    public List<IFormFile> Evidence { get; set; } = [];

    public LevyReportView? Report { get; private set; }

    /// <summary>Whether the reporter just added to the report.</summary>
    public bool Added { get; private set; }

    private const string NumberKey = "Lapor.Cek.Nomor";
    private const string CodeKey = "Lapor.Cek.Kode";

    /// <summary>After an addition, the report again (its number and code carried once in the encrypted TempData cookie), with the banner.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        if (TempData[NumberKey] is string number && TempData[CodeKey] is string code
            && await Sender.Send(new CheckLevyReport.Query(number, code), cancellationToken) is { Succeeded: true } opened)
        {
            (Number, Code, Report, Added) = (number, code, opened.Value, true);
        }
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

    /// <summary>
    /// Adds to the report opened with the number and code (posted again with the addition), then shows it again after a
    /// redirect, so reloading never sends the addition twice.
    /// </summary>
    public async Task<IActionResult> OnPostTambahAsync(CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        var added = await Sender.Send(new AddToLevyReport.Command(null, null, Number, Code, Addition, LevyEvidence.Of(Evidence)), cancellationToken);
        if (added.Succeeded)
        {
            TempData[NumberKey] = Number;
            TempData[CodeKey] = Code;
            return RedirectToPage();
        }

        // The report as it stands, under the error; a number or code that no longer opens it is said at the number.
        Report = added.Error!.Code == ErrorCodes.LevyReportNotFound ? null
            : await Sender.Send(new CheckLevyReport.Query(Number, Code), cancellationToken) is { Succeeded: true } opened ? opened.Value : null;
        if (Report is null)
        {
            ModelState.AddModelError(nameof(Number), Texts.Get("Levy.Check.NotFound"));
            return Page();
        }

        ShowErrors(added.Error, TambahModel.Fields, onlyTheseFields: true);
        AskForFilesAgain(Evidence, nameof(Evidence), "Levy.Field.Evidence.Again");
        return Page();
    }
}
