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
    /// <summary>Below this many decisions an approval rate is said as a count ("1 dari 2 disetujui"), not a percentage.</summary>
    public const int FewForARate = 10;

    [BindProperty(SupportsGet = true, Name = "bulan")]
    public string? Month { get; set; }

    public ShowPublicStatistics.Response? Statistics { get; private set; }

    public IReadOnlyList<Choice> Months { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var today = Domain.Wita.Today(Clock);
        Months = Enumerable.Range(0, 12)
            .Select(i => new DateOnly(today.Year, today.Month, 1).AddMonths(-i))
            // A month by its name alone, short enough for a 320-pixel phone's list; the hint above it says that this month's
            // figures are so far.
            .Select(m => new Choice(m.ToString("yyyy-MM", CultureInfo.InvariantCulture), m.ToString("MMMM yyyy", CultureInfo.CurrentCulture)))
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

    /// <summary>
    /// The month's tables as an Excel workbook for people (the API's format=csv stays for programs): the city's figures,
    /// then by kecamatan, by sector and the businesses active today, each on its tab, as the page shows them.
    /// </summary>
    public async Task<IActionResult> OnGetExcelAsync(CancellationToken cancellationToken)
    {
        var statistics = await Sender.Send(new ShowPublicStatistics.Query(Month), cancellationToken);
        if (!statistics.Succeeded)
        {
            return StatusCode(statistics.Error!.Status);
        }

        var month = statistics.Value;
        var first = DateOnly.ParseExact(month.Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var name = first.ToString("MMMM yyyy", CultureInfo.CurrentCulture);
        // This month is not over: its figures are so far, as the page says.
        var today = Domain.Wita.Today(Clock);
        name = first.Year == today.Year && first.Month == today.Month ? Texts.Format("Statistics.SoFar", name) : name;
        var sheets = new List<SheetTable>
        {
            new("Kota Kupang", Columns("month"), [[name, month.Applications, month.ApprovalRate, Cultures.Duration(month.MedianDecisionMs)]]),
        };
        foreach (var (by, rows) in new[] { ("kecamatan", month.ByKecamatan), ("sector", month.BySector) })
        {
            sheets.Add(new(Texts.Get($"Statistics.By.{by}"), Columns(by), rows.Select(r => (IReadOnlyList<object?>)[RowName(by, r), r.Applications, r.ApprovalRate, Cultures.Duration(r.MedianDecisionMs)])));
        }

        if (month.ActiveBusinesses is { Count: > 0 } active)
        {
            sheets.Add(new(Texts.Get("Statistics.ActiveSheet"), ActiveColumns(), active.Select(r => (IReadOnlyList<object?>)[ActiveName(r), r.Businesses])));
        }

        var file = Spreadsheet.Workbook($"{Texts.Get("Statistics.Title")} {month.Month}", sheets);
        return File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>The columns of a table by <paramref name="by"/> (kecamatan, sector, or "month" for the city's row), on the page and in its workbook.</summary>
    public static IReadOnlyList<SheetColumn> Columns(string by) =>
    [
        new(Texts.Get(by == "month" ? "Statistics.Month" : $"Dashboard.Dimension.{by}"), SheetValue.Text),
        SheetColumn.Titled("Dashboard.Applications", SheetValue.Count),
        SheetColumn.Titled("Dashboard.ApprovalRate", SheetValue.Percent),
        SheetColumn.Titled("Statistics.Median"),
    ];

    /// <summary>The columns of the businesses active today.</summary>
    public static IReadOnlyList<SheetColumn> ActiveColumns() =>
        [SheetColumn.Titled("Dashboard.Dimension.kecamatan"), SheetColumn.Titled("Statistics.Businesses", SheetValue.Count)];

    /// <summary>A row's name: a sector in the page's language, a kecamatan by its name.</summary>
    public string RowName(string by, ShowPublicStatistics.Row row) => by == "sector" ? SectorName(row.Key) : row.Name;

    /// <summary>A kecamatan of active businesses, or "no kecamatan" for those without one.</summary>
    public static string ActiveName(ShowPublicStatistics.ActiveRow row) => row.Name is { Length: > 0 } name ? name : Texts.Get("Dashboard.NoKecamatan");

    public string SectorName(string key) => ChartPublicStatistics.SectorName(key, Language);
}
