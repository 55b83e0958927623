using LicensingPortal.Api.Features.Audit;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Petugas.WhatIf;

/// <summary>
/// A what-if analysis: while it runs, its progress (done, total, time left), refreshed by the browser every few
/// seconds, or live with JavaScript; then the flips each way, each requirement's impact, a sample and the CSV of every
/// affected application (the same queries as GET /api/audit/what-if/{id} and its affected.csv).
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

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var csv = await Sender.Send(new ExportWhatIf.Query(Id), cancellationToken);
        return csv.Succeeded ? File(csv.Value.Content, csv.Value.ContentType, csv.Value.FileName) : Failure(csv.Error!);
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
