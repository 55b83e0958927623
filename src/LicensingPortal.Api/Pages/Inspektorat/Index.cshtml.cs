using LicensingPortal.Api.Features.Integrity;

namespace LicensingPortal.Api.Pages.Inspektorat;

/// <summary>The inspectorate's reports of demands for money (the same use case as GET /api/inspectorate/levy-reports): the unanswered first.</summary>
public sealed class IndexModel : PortalPage
{
    /// <summary>The status shown, from the address: "baru", "diperiksa", "selesai", or every report.</summary>
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true, Name = "status")]
    public string? Shown { get; set; }

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true, Name = "halaman")]
    public int PageNumber { get; set; } = 1;

    /// <summary>A report's number to find (from the address: ?Number=).</summary>
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)]
    public string? Number { get; set; }

    public ListLevyReports.Response Reports { get; private set; } = null!;

    public static readonly IReadOnlyList<(string Slug, LevyReportStatus? Status)> Filters =
        [("", null), ("baru", LevyReportStatus.Received), ("diperiksa", LevyReportStatus.InProgress), ("selesai", LevyReportStatus.Closed)];

    public LevyReportStatus? Status => Filters.FirstOrDefault(f => f.Slug == (Shown ?? string.Empty)).Status;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var found = await Sender.Send(new ListLevyReports.Query(Status?.ToString(), Math.Clamp(PageNumber, 1, 100_000), Number), cancellationToken);
        if (!found.Succeeded)
        {
            // A number that is none: said at the search box, and the whole list shown under it.
            ShowErrors(found.Error!, new Dictionary<string, string>(StringComparer.Ordinal) { ["number"] = nameof(Number) });
            found = await Sender.Send(new ListLevyReports.Query(Status?.ToString(), 1), cancellationToken);
        }

        Reports = found.Value;
    }

    /// <summary>The address of another page of the same list.</summary>
    public string PageUrl(int page) =>
        "/inspektorat?" + (string.IsNullOrEmpty(Shown) ? string.Empty : "status=" + Uri.EscapeDataString(Shown) + "&") + "halaman=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>How long an unanswered report has waited (since it came, or since the reporter added to it), in whole days as Kupang's calendar counts them.</summary>
    public string Waiting(DateTimeOffset since) => (Wita.Today(Clock).DayNumber - Wita.DateOf(since).DayNumber) switch
    {
        <= 0 => Texts.Get("Inspectorate.Waiting.Today"),
        1 => Texts.Get("Inspectorate.Waiting.One"),
        var days => Texts.Format("Inspectorate.Waiting", days),
    };

    public int CountOf(LevyReportStatus? status) => status switch
    {
        LevyReportStatus.Received => Reports.Received,
        LevyReportStatus.InProgress => Reports.InProgress,
        LevyReportStatus.Closed => Reports.Closed,
        _ => Reports.Received + Reports.InProgress + Reports.Closed,
    };
}
