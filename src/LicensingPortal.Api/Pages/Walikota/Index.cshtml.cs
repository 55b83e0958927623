using System.Globalization;
using LicensingPortal.Api.Features.Reports;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Walikota;

/// <summary>
/// The mayor's office's dashboard for a chosen period, from the same report queries as /api/reports: applications,
/// approval rate, decision time, throughput (chart and table), breakdowns by kecamatan, sector and permit type
/// (chart and table), the most failing requirements, permits expiring soon and notification health. Every table
/// downloads as CSV; every chart's numbers are in the table under it.
/// </summary>
public sealed class IndexModel : PortalPage
{
    private static readonly Dictionary<string, string> FieldMap = new(StringComparer.Ordinal)
    {
        ["from"] = nameof(FromParts),
        ["to"] = nameof(ToParts),
        ["granularity"] = nameof(Granularity),
    };

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Granularity { get; set; }

    /// <summary>The period's first day as the form asks it: day, month and year (the addresses of charts and CSVs use <see cref="From"/>).</summary>
    [BindProperty(SupportsGet = true)]
    public DateParts FromParts { get; set; } = new();

    /// <summary>The period's last day as the form asks it.</summary>
    [BindProperty(SupportsGet = true)]
    public DateParts ToParts { get; set; } = new();

    public IReadOnlyList<ThroughputRow> Throughput { get; private set; } = [];

    public LatencySummary? Latency { get; private set; }

    public IReadOnlyDictionary<string, IReadOnlyList<BreakdownRow>> Breakdowns { get; private set; } = new Dictionary<string, IReadOnlyList<BreakdownRow>>();

    public IReadOnlyList<ReportFailingRequirements.FailingRequirement> Failing { get; private set; } = [];

    public IReadOnlyList<ReportExpiringPermits.ExpiringPermit> Expiring { get; private set; } = [];

    public IReadOnlyList<ReportLifeEvents.LifeEvents> LifeEvents { get; private set; } = [];

    public IReadOnlyList<ReportNotificationHealth.DeliveryHealth> Notifications { get; private set; } = [];

    public IReadOnlyList<Choice> Granularities { get; } = ReportQueries.Granularities.Select(g => new Choice(g, Texts.Get($"Dashboard.Granularity.{g}"))).ToList();

    public long Applications => Throughput.Sum(r => r.Total);

    public double ApprovalRate => ReportQueries.Rate(Throughput.Sum(r => r.Approved), Applications);

    /// <summary>The period in the address of a chart or a CSV.</summary>
    public string Period => string.Create(CultureInfo.InvariantCulture, $"from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}&granularity={Granularity}");

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Defaults();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (from, to) = (From!.Value, To!.Value);
        var throughput = await Sender.Send(new ReportThroughput.Query(from, to, Granularity!), cancellationToken);
        if (!throughput.Succeeded)
        {
            ShowErrors(throughput.Error!, FieldMap);
            return Page();
        }

        Throughput = throughput.Value;
        Latency = (await Sender.Send(new ReportLatency.Query(from, to), cancellationToken)).Value;
        var breakdowns = new Dictionary<string, IReadOnlyList<BreakdownRow>>(StringComparer.Ordinal);
        foreach (var by in ReportQueries.Dimensions)
        {
            breakdowns[by] = (await Sender.Send(new ReportBreakdown.Query(from, to, by), cancellationToken)).Value;
        }

        Breakdowns = breakdowns;
        Failing = (await Sender.Send(new ReportFailingRequirements.Query(from, to, 10, Language), cancellationToken)).Value;
        Expiring = (await Sender.Send(new ReportExpiringPermits.Query(90, Language), cancellationToken)).Value;
        LifeEvents = (await Sender.Send(new ReportLifeEvents.Query(from, to), cancellationToken)).Value;
        Notifications = (await Sender.Send(new ReportNotificationHealth.Query(from, to), cancellationToken)).Value;
        return Page();
    }

    /// <summary>A chart of the period (SVG): throughput, or a breakdown by kecamatan, sector or permit type.</summary>
    public async Task<IActionResult> OnGetChartAsync(string? by, bool narrow, CancellationToken cancellationToken)
    {
        Defaults();
        var chart = by is null
            ? await Sender.Send(new ChartThroughput.Query(From!.Value, To!.Value, Granularity!, "svg", Language, narrow), cancellationToken)
            : await Sender.Send(new ChartBreakdown.Query(From!.Value, To!.Value, by, "svg", Language, narrow), cancellationToken);
        return chart.Succeeded ? File(chart.Value.Content, chart.Value.ContentType) : StatusCode(chart.Error!.Status);
    }

    /// <summary>One table of the dashboard as CSV (the same files as the API's format=csv).</summary>
    public async Task<IActionResult> OnGetCsvAsync(string table, string? by, CancellationToken cancellationToken)
    {
        Defaults();
        var (from, to) = (From!.Value, To!.Value);
        Result<FileDownload> file = table switch
        {
            "throughput" => Map(await Sender.Send(new ReportThroughput.Query(from, to, Granularity!), cancellationToken), ReportThroughput.ToCsv),
            "breakdown" => Map(await Sender.Send(new ReportBreakdown.Query(from, to, by ?? string.Empty), cancellationToken), rows => ReportBreakdown.ToCsv(by!, rows)),
            "failing" => Map(await Sender.Send(new ReportFailingRequirements.Query(from, to, 100, Language), cancellationToken), ReportFailingRequirements.ToCsv),
            "expiring" => Map(await Sender.Send(new ReportExpiringPermits.Query(90, Language), cancellationToken), ReportExpiringPermits.ToCsv),
            "life-events" => Map(await Sender.Send(new ReportLifeEvents.Query(from, to), cancellationToken), ReportLifeEvents.ToCsv),
            "notifications" => Map(await Sender.Send(new ReportNotificationHealth.Query(from, to), cancellationToken), ReportNotificationHealth.ToCsv),
            _ => Error.NotFound(ErrorCodes.NotFound, "No such table."),
        };
        return file.Succeeded ? File(file.Value.Content, file.Value.ContentType, file.Value.FileName) : StatusCode(file.Error!.Status);
    }

    private static Result<FileDownload> Map<T>(Result<T> result, Func<T, FileDownload> csv) => result.Succeeded ? csv(result.Value) : result.Error!;

    private void Defaults()
    {
        From = ReadDate(FromParts, nameof(FromParts)) ?? From;
        To = ReadDate(ToParts, nameof(ToParts)) ?? To;
        var today = Domain.Wita.Today(Clock);
        To ??= today;
        From ??= To.Value.AddDays(-29);
        FromParts = FromParts.IsEmpty || ModelState.IsValid ? DateParts.Of(From) : FromParts;
        ToParts = ToParts.IsEmpty || ModelState.IsValid ? DateParts.Of(To) : ToParts;
        Granularity = string.IsNullOrWhiteSpace(Granularity) ? "day" : Granularity;
    }

}
