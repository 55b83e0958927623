using LicensingPortal.Api.Features.Integrity;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Inspektorat;

/// <summary>One report of a demand for money, its answers and who opened it (GET /api/inspectorate/levy-reports/{id}, which keeps the opening); answering it (POST …/answers).</summary>
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

    /// <summary>How many entries of the exchange the page showed when the answer was written (a hidden field).</summary>
    [BindProperty]
    public int? Seen { get; set; }

    /// <summary>A note the inspectorate keeps for itself (the second form).</summary>
    [BindProperty]
    public string? Note { get; set; }

    /// <summary>What was just saved, said once after the redirect: "jawaban" or "catatan".</summary>
    public string? Saved { get; private set; }

    public OpenLevyReport.Response Case { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Saved = TempData[AnsweredKey] as string;
        return await ShowAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        LevyReportStatus? status = Status switch { "diperiksa" => LevyReportStatus.InProgress, "selesai" => LevyReportStatus.Closed, _ => null };
        var result = await Sender.Send(new AnswerLevyReport.Command(UserId, id, status, Message, Seen: Seen), cancellationToken);
        return await SavedAsync(id, result, "jawaban", Fields, cancellationToken);
    }

    public async Task<IActionResult> OnPostNoteAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await Sender.Send(new AnswerLevyReport.Command(UserId, id, null, Note, Internal: true), cancellationToken);
        return await SavedAsync(id, result, "catatan", new Dictionary<string, string>(StringComparer.Ordinal) { ["message"] = nameof(Note) }, cancellationToken);
    }

    /// <summary>A file of evidence the reporter sent, shown in the browser (the same use case as GET …/evidence/{evidenceId}, which keeps the opening).</summary>
    public async Task<IActionResult> OnGetBuktiAsync(Guid id, Guid bukti, CancellationToken cancellationToken)
    {
        var opened = await Sender.Send(new OpenLevyEvidence.Command(UserId, id, bukti), cancellationToken);
        if (!opened.Succeeded)
        {
            return Failure(opened.Error!);
        }

        return InlineFile(opened.Value.Content, opened.Value.ContentType, opened.Value.FileName);
    }

    /// <summary>What was saved said once after the redirect; else the report again with the errors at their fields.</summary>
    private async Task<IActionResult> SavedAsync(Guid id, Result<OpenLevyReport.Response> result, string saved, IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken)
    {
        if (result.Succeeded)
        {
            TempData[AnsweredKey] = saved;
            return RedirectToPage(new { id });
        }

        if (result.Error!.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }

        ShowErrors(result.Error, fields);
        return await ShowAsync(id, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken cancellationToken)
    {
        var found = await Sender.Send(new OpenLevyReport.Command(UserId, id), cancellationToken);
        if (!found.Succeeded)
        {
            return Failure(found.Error!);
        }

        Case = found.Value;
        return Page();
    }
}
