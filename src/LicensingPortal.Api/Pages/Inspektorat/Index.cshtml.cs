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

    public ListLevyReports.Response Reports { get; private set; } = null!;

    public static readonly IReadOnlyList<(string Slug, LevyReportStatus? Status)> Filters =
        [("", null), ("baru", LevyReportStatus.Received), ("diperiksa", LevyReportStatus.InProgress), ("selesai", LevyReportStatus.Closed)];

    public LevyReportStatus? Status => Filters.FirstOrDefault(f => f.Slug == (Shown ?? string.Empty)).Status;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Reports = (await Sender.Send(new ListLevyReports.Query(Status?.ToString(), Math.Clamp(PageNumber, 1, 100_000)), cancellationToken)).Value;

    /// <summary>The address of another page of the same list.</summary>
    public string PageUrl(int page) =>
        "/inspektorat?" + (string.IsNullOrEmpty(Shown) ? string.Empty : "status=" + Uri.EscapeDataString(Shown) + "&") + "halaman=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Whole days an unanswered report has waited, as Kupang's calendar counts them.</summary>
    public int DaysWaiting(DateTimeOffset receivedAt) => Wita.Today(Clock).DayNumber - Wita.DateOf(receivedAt).DayNumber;

    public int CountOf(LevyReportStatus? status) => status switch
    {
        LevyReportStatus.Received => Reports.Received,
        LevyReportStatus.InProgress => Reports.InProgress,
        LevyReportStatus.Closed => Reports.Closed,
        _ => Reports.Received + Reports.InProgress + Reports.Closed,
    };
}
