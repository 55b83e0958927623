using System.Globalization;
using LicensingPortal.Api.Features.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Statistik;

/// <summary>
/// The public service statistics, for anyone, without signing in (the same queries as /api/public/statistics): a
/// month's applications, approval rate and median decision time, by kecamatan and by sector, as charts and tables.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel : PortalPage
{
    [BindProperty(SupportsGet = true, Name = "bulan")]
    public string? Month { get; set; }

    public ShowPublicStatistics.Response? Statistics { get; private set; }

    public IReadOnlyList<Choice> Months { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var today = Domain.Wita.Today(Clock);
        Months = Enumerable.Range(0, 12)
            .Select(i => new DateOnly(today.Year, today.Month, 1).AddMonths(-i))
            .Select((m, i) => (Month: m, Name: m.ToString("MMMM yyyy", CultureInfo.CurrentCulture), Current: i == 0))
            // This month is not over: its figures are so far, not the month's.
            .Select(m => new Choice(m.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), m.Current ? Texts.Format("Statistics.SoFar", m.Name) : m.Name))
            .ToList();
        Month = string.IsNullOrWhiteSpace(Month) ? Months[0].Value : Month.Trim();
        var statistics = await Sender.Send(new ShowPublicStatistics.Query(Month), cancellationToken);
        if (!statistics.Succeeded)
        {
            ShowErrors(statistics.Error!, new Dictionary<string, string> { ["month"] = nameof(Month) });
            return Page();
        }

        Statistics = statistics.Value;
        return Page();
    }

    public async Task<IActionResult> OnGetChartAsync(string? by, bool narrow, CancellationToken cancellationToken)
    {
        var chart = await Sender.Send(new ChartPublicStatistics.Query(Month, by ?? "kecamatan", "svg", Language, narrow), cancellationToken);
        return chart.Succeeded ? File(chart.Value.Content, chart.Value.ContentType) : StatusCode(chart.Error!.Status);
    }

    /// <summary>The month's figures as a CSV table, sectors named in the page's language (the API's format=csv).</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var statistics = await Sender.Send(new ShowPublicStatistics.Query(Month), cancellationToken);
        if (!statistics.Succeeded)
        {
            return StatusCode(statistics.Error!.Status);
        }

        var csv = ShowPublicStatistics.ToCsv(statistics.Value, Language);
        return File(csv.Content, csv.ContentType, csv.FileName);
    }

    public string SectorName(string key) => ChartPublicStatistics.SectorName(key, Language);
}
