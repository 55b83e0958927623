using LicensingPortal.Api.Features.Integrity;
using LicensingPortal.Api.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Lapor;

/// <summary>A signed-in reporter adds to one of their reports (the same use case as POST /api/me/levy-reports/{id}/additions).</summary>
[Authorize(Policy = Policies.ApplicantPages)]
[RequestSizeLimit(LevyEvidence.RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = LevyEvidence.RequestLimit)]
public sealed class TambahModel : PortalPage
{
    [BindProperty]
    public string? Addition { get; set; }

    /// <summary>Up to three photos or PDFs sent with the addition (optional; they may come without words).</summary>
    [BindProperty]
    public List<IFormFile> Evidence { get; set; } = [];

    public LevyReportView Report { get; private set; } = null!;

    /// <summary>The use case's fields, by the page's.</summary>
    internal static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal) { ["text"] = nameof(Addition), [LevyEvidence.Field] = nameof(Evidence) };

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => await ShowAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var added = await Sender.Send(new AddToLevyReport.Command(UserId, id, null, null, Addition, LevyEvidence.Of(Evidence)), cancellationToken);
        if (added.Succeeded)
        {
            TempData[IndexModel.AddedKey] = true;
            return Redirect("/lapor#laporan-saya");
        }

        if (added.Error!.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }

        ShowErrors(added.Error, Fields);
        AskForFilesAgain(Evidence, nameof(Evidence), "Levy.Field.Evidence.Again");
        return await ShowAsync(id, cancellationToken);
    }

    /// <summary>The report, found among the reader's own (another's is not found).</summary>
    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken cancellationToken)
    {
        var mine = await Sender.Send(new ListMyLevyReports.Query(UserId, id), cancellationToken);
        if (mine.Value.FirstOrDefault(r => r.Id == id) is not { } report)
        {
            return NotFound();
        }

        Report = report;
        return Page();
    }
}
