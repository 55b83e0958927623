using LicensingPortal.Api.Features.Integrity;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Inspektorat;

/// <summary>One report of a demand for money and its answers (GET /api/inspectorate/levy-reports/{id}); answering it (POST …/answers).</summary>
public sealed class LaporanModel : PortalPage
{
    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["status"] = nameof(Status),
        ["message"] = nameof(Message),
    };

    private const string AnsweredKey = "Inspektorat.Dijawab";

    /// <summary>"diperiksa" (still looking into it) or "selesai" (finished).</summary>
    [BindProperty]
    public string? Status { get; set; }

    [BindProperty]
    public string? Message { get; set; }

    public bool Answered { get; private set; }

    public GetLevyReport.Response Case { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Answered = TempData[AnsweredKey] is true;
        return await ShowAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        LevyReportStatus? status = Status switch { "diperiksa" => LevyReportStatus.InProgress, "selesai" => LevyReportStatus.Closed, _ => null };
        var result = await Sender.Send(new AnswerLevyReport.Command(UserId, id, status, Message), cancellationToken);
        if (result.Succeeded)
        {
            TempData[AnsweredKey] = true;
            return RedirectToPage(new { id });
        }

        if (result.Error!.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }

        ShowErrors(result.Error, Fields);
        return await ShowAsync(id, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken cancellationToken)
    {
        var found = await Sender.Send(new GetLevyReport.Query(id), cancellationToken);
        if (!found.Succeeded)
        {
            return Failure(found.Error!);
        }

        Case = found.Value;
        return Page();
    }
}
