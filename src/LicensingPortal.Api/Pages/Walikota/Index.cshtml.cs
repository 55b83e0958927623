using System.Globalization;
using LicensingPortal.Api.Features.Reports;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Walikota;

/// <summary>
/// The mayor's office's dashboard for a chosen period, from the same report queries as /api/reports: applications,
/// approval rate, decision time, throughput (chart and table), breakdowns by kecamatan, sector and permit type
/// (chart and table), the most failing requirements, permits expiring soon and notification health. Every table
/// downloads as an Excel workbook; every chart's numbers are in the table under it.
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

    /// <summary>The period's first day as the form asks it: day, month and year (the addresses of charts and CSVs use <see cref="From"/>).</summary>
    [BindProperty(SupportsGet = true)]
    public DateParts FromParts { get; set; } = new();

    /// <summary>The period's last day as the form asks it.</summary>
    [BindProperty(SupportsGet = true)]
    public DateParts ToParts { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? Granularity { get; set; }

    public IReadOnlyList<ThroughputRow> Throughput { get; private set; } = [];

    public LatencySummary? Latency { get; private set; }

    public IReadOnlyDictionary<string, IReadOnlyList<BreakdownRow>> Breakdowns { get; private set; } = new Dictionary<string, IReadOnlyList<BreakdownRow>>();

    public IReadOnlyList<ReportFailingRequirements.FailingRequirement> Failing { get; private set; } = [];

    public IReadOnlyList<ReportExpiringPermits.ExpiringPermit> Expiring { get; private set; } = [];

    public IReadOnlyList<ReportLifeEvents.LifeEvents> LifeEvents { get; private set; } = [];

    public IReadOnlyList<ReportStops.Stop> Stops { get; private set; } = [];

    public IReadOnlyList<ReportNotificationHealth.DeliveryHealth> Notifications { get; private set; } = [];

    public IReadOnlyList<Choice> Granularities { get; } = ReportQueries.Granularities.Select(g => new Choice(g, Texts.Get($"Dashboard.Granularity.{g}"))).ToList();

    public long Applications => Throughput.Sum(r => r.Total);

    public double ApprovalRate => ReportQueries.Rate(Throughput.Sum(r => r.Approved), Applications);

    /// <summary>The period in the address of a chart or a download.</summary>
    public string Period => string.Create(CultureInfo.InvariantCulture, $"from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}&granularity={Granularity}");

    /// <summary>The counts of appeals to the mayor waiting and late (GET /api/appeals), for the mayor's office only: an administrator does not answer them.</summary>
    public Features.Objections.ListObjections.Response? Appeals { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.IsInRole(Infrastructure.Auth.Roles.Mayor))
        {
            Appeals = (await Sender.Send(new Features.Objections.ListAppeals.Query(Answered: false, Take: 0), cancellationToken)).Value;
        }

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
        Stops = (await Sender.Send(new ReportStops.Query(from, to), cancellationToken)).Value;
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

    /// <summary>
    /// One table of the dashboard as an Excel workbook: the table the page shows, with its headers in the reader's
    /// language and its figures as numbers (the failing requirements to 100, not the page's 10). The API keeps CSV.
    /// A period the reports refuse answers 400, an unknown table 404.
    /// </summary>
    public async Task<IActionResult> OnGetExcelAsync(string table, string? by, CancellationToken cancellationToken)
    {
        Defaults();
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        var (from, to) = (From!.Value, To!.Value);
        // Each report validates its period as the page does; a refused one is answered with its status, never read.
        Error? refused = null;
        T? Read<T>(Result<T> result) where T : class
        {
            refused ??= result.Error;
            return result.Succeeded ? result.Value : null;
        }

        ReportTable? sheet = null;
        switch (table)
        {
            case "throughput" when Read(await Sender.Send(new ReportThroughput.Query(from, to, Granularity!), cancellationToken)) is { } throughput:
                Throughput = throughput;
                sheet = ThroughputTable();
                break;
            case "breakdown" when by is not null && ReportQueries.Dimensions.Contains(by) && Read(await Sender.Send(new ReportBreakdown.Query(from, to, by), cancellationToken)) is { } rows:
                sheet = BreakdownTable(by, rows);
                break;
            case "failing" when Read(await Sender.Send(new ReportFailingRequirements.Query(from, to, 100, Language), cancellationToken)) is { } failing:
                Failing = failing;
                sheet = FailingTable();
                break;
            case "expiring" when Read(await Sender.Send(new ReportExpiringPermits.Query(90, Language), cancellationToken)) is { } expiring:
                Expiring = expiring;
                sheet = ExpiringTable();
                break;
            case "life-events" when Read(await Sender.Send(new ReportLifeEvents.Query(from, to), cancellationToken)) is { } lifeEvents:
                LifeEvents = lifeEvents;
                sheet = LifeEventsTable();
                break;
            case "stops" when Read(await Sender.Send(new ReportStops.Query(from, to), cancellationToken)) is { } stops:
                Stops = stops;
                sheet = StopsTable();
                break;
            case "notifications" when Read(await Sender.Send(new ReportNotificationHealth.Query(from, to), cancellationToken)) is { } notifications:
                Notifications = notifications;
                sheet = NotificationsTable();
                break;
        }

        if (sheet is null)
        {
            return refused is null ? NotFound() : StatusCode(refused.Status);
        }

        // The permits that expire are the next 90 days', whatever the period; the other tables are the period's.
        var name = table == "expiring"
            ? string.Create(CultureInfo.InvariantCulture, $"{sheet.Caption} {Domain.Wita.Today(Clock):yyyy-MM-dd}")
            : string.Create(CultureInfo.InvariantCulture, $"{sheet.Caption} {from:yyyy-MM-dd} - {to:yyyy-MM-dd}");
        var file = sheet.ToWorkbook(name);
        return File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>Decisions per period, the text beside the throughput chart.</summary>
    public ReportTable ThroughputTable()
    {
        var title = Texts.Get("Dashboard.Throughput");
        return new ReportTable(
            "throughput",
            title,
            [Name(Texts.Get("Dashboard.Period")), Counted("Dashboard.Total"), Counted("Status.Approved"), Counted("Status.Rejected"), Rate()],
            Throughput.Select(r => Row(ReportCell.Name(ReportCharts.PeriodName(r.Period, Granularity!, Cultures.Current)), ReportCell.Count(r.Total), ReportCell.Count(r.Approved), ReportCell.Count(r.Rejected), ReportCell.Percent(r.ApprovalRate))).ToList(),
            Download("throughput"),
            DownloadText,
            EmptyText,
            Folded: true);
    }

    /// <summary>Decisions by kecamatan, sector or permit type.</summary>
    public ReportTable BreakdownTable(string by, IReadOnlyList<BreakdownRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return new ReportTable(
            $"breakdown-{by}",
            Texts.Get($"Dashboard.By.{by}"),
            [Name(Texts.Get($"Dashboard.Dimension.{by}")), Counted("Dashboard.Total"), Counted("Status.Approved"), Counted("Status.Rejected"), Rate()],
            rows.Select(r => Row(ReportCell.Name(ReportCharts.BreakdownName(by, r, Cultures.Current)), ReportCell.Count(r.Total), ReportCell.Count(r.Approved), ReportCell.Count(r.Rejected), ReportCell.Percent(r.ApprovalRate))).ToList(),
            Download("breakdown", by),
            DownloadText,
            EmptyText,
            Folded: true);
    }

    public ReportTable FailingTable() => new(
        "failing",
        Texts.Get("Dashboard.Failing"),
        [Name(Texts.Get("Audit.Requirement")), Counted("Dashboard.Failures")],
        Failing.Select(r => Row(ReportCell.Name(r.Title), ReportCell.Count(r.Failures))).ToList(),
        Download("failing"),
        DownloadText,
        EmptyText);

    /// <summary>Permits ending in the next 90 days; the page says how near the day is, the workbook keeps the day.</summary>
    public ReportTable ExpiringTable() => new(
        "expiring",
        Texts.Get("Dashboard.Expiring"),
        [Name(Texts.Get("Dashboard.Permit")), Name(Texts.Get("Field.Kecamatan")), SheetColumn.Titled("Dashboard.Ends", SheetValue.Date)],
        Expiring.Select(r => Row(
            ReportCell.Name(r.TypeTitle),
            ReportCell.Name(r.KecamatanName),
            ReportCell.Day(r.ValidUntil, Texts.Format(r.DaysLeft switch { 0 => "Dashboard.EndsToday", 1 => "Dashboard.EndsTomorrow", _ => "Dashboard.EndsIn" }, Cultures.Date(r.ValidUntil), r.DaysLeft.ToString("#,0", CultureInfo.CurrentCulture))))).ToList(),
        Download("expiring"),
        DownloadText,
        Texts.Get("Dashboard.NoneExpiring"),
        Numeric: false);

    public ReportTable LifeEventsTable() => new(
        "life-events",
        Texts.Get("Dashboard.LifeEvents"),
        [Name(Texts.Get("Field.Kecamatan")), Counted("Dashboard.NewApprovals"), Counted("Dashboard.Renewals"), Counted("Dashboard.Changes"), Counted("Dashboard.Closures")],
        LifeEvents.Select(r => Row(ReportCell.Name(r.Name.Length > 0 ? r.Name : Texts.Get("Dashboard.NoKecamatan")), ReportCell.Count(r.NewApprovals), ReportCell.Count(r.Renewals), ReportCell.Count(r.Changes), ReportCell.Count(r.Closures))).ToList(),
        Download("life-events"),
        DownloadText,
        EmptyText);

    /// <summary>
    /// Where applicants stop: drafts begun and sent, the unsent ones by the question they stopped after (in the
    /// journey's order), refusals sent again or not, objections. A line a stage, each said in words.
    /// </summary>
    public ReportTable StopsTable() => new(
        "stops",
        Texts.Get("Dashboard.Stops"),
        [Name(Texts.Get("Dashboard.Stops.Stage")), Counted("Dashboard.Stops.Count")],
        Stops.OrderBy(s => s.Stage == "stopped-at" ? 2 : s.Stage.StartsWith("drafts", StringComparison.Ordinal) ? 1 : 3)
            .ThenBy(s => s.Stage == "stopped-at" ? (s.Step is null ? -1 : IndexOfStep(s.Step)) : 0)
            .Select(s => Row(ReportCell.Name(s.Stage == "stopped-at"
                ? s.Step is null ? Texts.Get("Dashboard.Stops.stopped-none") : Texts.Format("Dashboard.Stops.stopped-at", Texts.Get($"Journey.Step.{s.Step}"))
                : Texts.Get($"Dashboard.Stops.{s.Stage}")), ReportCell.Count(s.Count)))
            .ToList(),
        Download("stops"),
        DownloadText,
        EmptyText);

    private static int IndexOfStep(string step) => Features.Applications.ApplicationSteps.All.ToList().IndexOf(step) is var at and >= 0 ? at : int.MaxValue;

    public ReportTable NotificationsTable() => new(
        "notifications",
        Texts.Get("Dashboard.Notifications"),
        [Name(Texts.Get("Dashboard.Channel")), Counted("Dashboard.Delivered"), Counted("Dashboard.Pending"), Counted("Dashboard.Retrying"), Counted("Dashboard.DeadLettered")],
        Notifications.Select(r => Row(ReportCell.Name(Texts.NameOf("Dashboard.Channel", r.Channel, CultureInfo.CurrentUICulture)), ReportCell.Count(r.Delivered), ReportCell.Count(r.Pending), ReportCell.Count(r.Retrying), ReportCell.Count(r.DeadLettered))).ToList(),
        Download("notifications"),
        DownloadText,
        EmptyText);

    private static string DownloadText => Texts.Get("Dashboard.Excel");

    private static string EmptyText => Texts.Get("Dashboard.NoData");

    private static SheetColumn Name(string header) => new(header, SheetValue.Text);

    private static SheetColumn Counted(string key) => SheetColumn.Titled(key, SheetValue.Count);

    private static SheetColumn Rate() => SheetColumn.Titled("Dashboard.ApprovalRate", SheetValue.Percent);

    private static ReportCell[] Row(params ReportCell[] cells) => cells;

    private string Download(string table, string? by = null) => $"/walikota?handler=Excel&table={table}{(by is null ? "" : "&by=" + by)}&{Period}";

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
