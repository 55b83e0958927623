using LicensingPortal.Api.Features.Audit;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Petugas.WhatIf;

/// <summary>
/// A what-if analysis: while it runs, its progress (done, total, time left), refreshed by the browser every few
/// seconds, or live with JavaScript; then the flips each way, each requirement's impact, a sample and every affected
/// application as a workbook (or CSV) (the same queries as GET /api/audit/what-if/{id} and its affected.csv).
/// </summary>
public sealed class RunModel : PortalPage
{
    [FromRoute]
    public Guid Id { get; set; }

    public WhatIfProgress Progress { get; private set; } = null!;

    /// <summary>A requirement by its title in the rule set in force; by its id if only the draft has it.</summary>
    public string RequirementTitle(string id) => terms?.RequirementTitle(id) ?? id;

    private Features.Catalogue.ListRuleTerms.Terms? terms;

    public bool Running => Progress.Status is WhatIfStatus.Queued or WhatIfStatus.Running;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ?? Page();

    /// <summary>With JavaScript: the progress panel alone, asked for every second while the analysis runs.</summary>
    public async Task<IActionResult> OnGetProgressAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ?? Partial("_WhatIfProgress", this);

    /// <summary>Every affected application as CSV, ids and requirement codes (the API's affected.csv), for audit tools.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var affected = await Sender.Send(new ExportWhatIf.Query(Id), cancellationToken);
        if (!affected.Succeeded)
        {
            return Failure(affected.Error!);
        }

        var csv = ExportWhatIf.ToCsv(Id, affected.Value);
        return File(csv.Content, csv.ContentType, csv.FileName);
    }

    /// <summary>
    /// Every affected application as an Excel workbook, as the page's sample reads: the application's reference, its
    /// outcome before and under the draft, and the requirements by title that it newly fails or no longer fails.
    /// </summary>
    public async Task<IActionResult> OnGetExcelAsync(CancellationToken cancellationToken)
    {
        var affected = await Sender.Send(new ExportWhatIf.Query(Id), cancellationToken);
        if (await LoadAsync(cancellationToken) is { } failed)
        {
            return failed;
        }

        if (!affected.Succeeded)
        {
            return Failure(affected.Error!);
        }

        static string Outcome(string outcome) => Texts.Get(outcome == Domain.Outcomes.Approved ? "Status.Approved" : "Status.Rejected");
        static SheetColumn Text(string key) => SheetColumn.Titled(key);
        var file = Spreadsheet.Table(
            Texts.Format("WhatIf.Sheet.File", Progress.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Progress.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            Texts.Get("WhatIf.Sheet.Name"),
            [Text("WhatIf.Application"), Text("WhatIf.Sheet.Before"), Text("WhatIf.Sheet.After"), Text("WhatIf.Sheet.NewlyFailed"), Text("WhatIf.Sheet.NoLongerFailed")],
            affected.Value.Select(a => (IReadOnlyList<object?>)
            [
                ApplicationReference.Of(a.ApplicationId), Outcome(a.Before), Outcome(a.After),
                string.Join("; ", a.NewlyFailed.Select(RequirementTitle)), string.Join("; ", a.NoLongerFailed.Select(RequirementTitle)),
            ]));
        return File(file.Content, file.ContentType, file.FileName);
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var progress = await Sender.Send(new GetWhatIf.Query(Id), cancellationToken);
        if (!progress.Succeeded)
        {
            return Failure(progress.Error!);
        }

        Progress = progress.Value;
        if (Progress.Result is not null && await Sender.Send(new Features.Catalogue.ListRuleTerms.Query(Language), cancellationToken) is { Succeeded: true } found)
        {
            terms = found.Value;
        }

        return null;
    }
}
