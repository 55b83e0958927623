using System.Globalization;
using LicensingPortal.Api.Infrastructure;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Rules;
using LicensingPortal.Rules.Model;

namespace LicensingPortal.Api.Features.Reports;

/// <summary>
/// Public service statistics, no login: per month, per kecamatan and per sector — applications, approval rate —
/// and median decision time (upper bound of its latency bucket); and the month's reports of a demand for money and how
/// the inspectorate answered them, so anyone can see whether reports are answered. Counts only, nothing personal;
/// cached and rate-limited.
/// </summary>
public static class ShowPublicStatistics
{
    public const string CachePolicy = "public-statistics";

    /// <summary>A kecamatan (with its name) or a sector: applications decided, how many approved, approval rate and median decision time.</summary>
    public sealed record Row(string Key, string Name, long Applications, long Approved, double ApprovalRate, int MedianDecisionMs);

    public sealed record Response(string Month, long Applications, long Approved, double ApprovalRate, int MedianDecisionMs, IReadOnlyList<Row> ByKecamatan, IReadOnlyList<Row> BySector, IReadOnlyList<ActiveRow>? ActiveBusinesses = null, LevyReportCounts? LevyReports = null, ObjectionCounts? Objections = null, ObjectionCounts? Appeals = null);

    /// <summary>
    /// The objections to refusals filed in the month (WITA): how many the licensing officers answered, how many by the
    /// law's ten working days, how many they granted (the office's own mistake), and how many still wait past their day.
    /// Counts only, never what an objection says or whose it is. <c>Appeals</c> counts the appeals to the mayor sent in
    /// the month the same way: answered by the mayor's office, in its ten working days, granted, and waiting past their day.
    /// </summary>
    public sealed record ObjectionCounts(long Filed, long Answered, long AnsweredInTime, long Upheld, long Overdue);

    /// <summary>
    /// The reports of a demand for money received in the month (WITA): how many the inspectorate has answered the reporter
    /// on (a first answer they read), how many it has closed, and the median days from a report to its first answer
    /// among those answered (null when none is). Counts only: never what a report says, nor who sent it; and only for a
    /// month that is over (null before), so that whoever a report is about cannot tell from the day a count went up who
    /// made it.
    /// </summary>
    public sealed record LevyReportCounts(long Received, long Answered, long Closed, double? MedianDaysToFirstAnswer)
    {
        public long Waiting => Received - Answered;
    }

    /// <summary>Businesses active today (with a NIB, not closed) in a kecamatan: where their latest approved application is.</summary>
    public sealed record ActiveRow(string Key, string Name, long Businesses);

    public sealed record Query(string? Month) : IQuery<Result<Response>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Month).Must(m => FirstDayOf(m) is not null).WithMessage(_ => Texts.Get("Validation.Statistics.Month"));
    }

    /// <summary>The first day of a yyyy-MM month, or null when the text is not one.</summary>
    public static DateOnly? FirstDayOf(string? month) =>
        month is { Length: 7 } && DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first) ? first : null;

    private sealed record Tally(string Kecamatan, string Sector, bool Approved, long Count);

    public sealed class Handler(ReadModel model, RuleSetCatalog rules, TimeProvider time) : IQueryHandler<Query, Result<Response>>
    {
        private readonly LicensingDbContext db = model.Db;

        public async ValueTask<Result<Response>> Handle(Query query, CancellationToken cancellationToken)
        {
            var first = FirstDayOf(query.Month)!.Value;
            var last = first.AddMonths(1).AddDays(-1);
            var counts = await ReportCounters.LiveDecisionCounts(db)
                .Where(c => c.Day >= first && c.Day <= last)
                .GroupBy(c => new { c.Kecamatan, c.Sector, c.Approved })
                .Select(g => new Tally(g.Key.Kecamatan, g.Key.Sector, g.Key.Approved, g.Sum(c => c.Count)))
                .ToListAsync(cancellationToken);
            var buckets = await ReportCounters.LiveMonthlyLatencyBuckets(db)
                .Where(b => b.Month == first)
                .Select(b => new { b.Dimension, b.Key, b.UpperBoundMs, b.Count })
                .ToListAsync(cancellationToken);
            var latency = await ReportQueries.LatencyAsync(db, first, last, cancellationToken);
            var names = ReportQueries.KecamatanNames(rules, time);
            List<Row> By(string dimension, Func<Tally, string> key) => counts
                .GroupBy(key)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g =>
                {
                    var total = g.Sum(c => c.Count);
                    var approved = g.Where(c => c.Approved).Sum(c => c.Count);
                    var median = ReportQueries.Percentile(buckets.Where(b => b.Dimension == dimension && b.Key == g.Key).Select(b => (b.UpperBoundMs, b.Count)), 0.5);
                    return new Row(g.Key, dimension == MonthlyLatencyBucket.ByKecamatan ? names.GetValueOrDefault(g.Key, g.Key) : g.Key, total, approved, ReportQueries.Rate(approved, total), median);
                })
                .ToList();
            var total = counts.Sum(c => c.Count);
            var approvedAll = counts.Where(c => c.Approved).Sum(c => c.Count);
            var active = (await db.Applications.AsNoTracking()
                    .Where(a => a.Status == ApplicationStatus.Approved)
                    .Join(db.Businesses.Where(b => b.Nib != null && b.ClosedAt == null), a => a.BusinessId, b => b.Id, (a, b) => new { a.BusinessId, a.KecamatanCode, a.SubmittedAt })
                    .ToListAsync(cancellationToken))
                .GroupBy(a => a.BusinessId)
                .Select(g => g.OrderByDescending(a => a.SubmittedAt).First().KecamatanCode ?? string.Empty)
                .GroupBy(k => k)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new ActiveRow(g.Key, names.GetValueOrDefault(g.Key, g.Key), g.LongCount()))
                .ToList();
            return new Response(query.Month!, total, approvedAll, ReportQueries.Rate(approvedAll, total), latency.P50Ms, By(MonthlyLatencyBucket.ByKecamatan, c => c.Kecamatan), By(MonthlyLatencyBucket.BySector, c => c.Sector), active, last < Wita.Today(time) ? await LevyReportsAsync(first, last, cancellationToken) : null, await ObjectionsAsync(first, last, cancellationToken), await AppealsAsync(first, last, cancellationToken));
        }

        private async Task<ObjectionCounts> ObjectionsAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken)
        {
            var (since, until) = (Wita.StartOf(first), Wita.StartOfDayAfter(last));
            var objections = await db.Objections.AsNoTracking().Where(o => o.FiledAt >= since && o.FiledAt < until).ToListAsync(cancellationToken);
            var today = Wita.Today(time);
            return new ObjectionCounts(
                objections.Count,
                objections.Count(o => o.IsAnswered),
                objections.Count(o => o.IsAnswered && !o.IsLate(today)),
                objections.Count(o => o.Outcome == ObjectionOutcome.Upheld),
                objections.Count(o => !o.IsAnswered && o.IsLate(today)));
        }

        private async Task<ObjectionCounts> AppealsAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken)
        {
            var (since, until) = (Wita.StartOf(first), Wita.StartOfDayAfter(last));
            var appeals = (await db.Objections.AsNoTracking().Where(o => o.Appeal != null && o.Appeal.FiledAt >= since && o.Appeal.FiledAt < until).ToListAsync(cancellationToken))
                .Select(o => o.Appeal!).ToList();
            var today = Wita.Today(time);
            return new ObjectionCounts(
                appeals.Count,
                appeals.Count(a => a.IsAnswered),
                appeals.Count(a => a.IsAnswered && !a.IsLate(today)),
                appeals.Count(a => a.Outcome == ObjectionOutcome.Upheld),
                appeals.Count(a => !a.IsAnswered && a.IsLate(today)));
        }

        private async Task<LevyReportCounts> LevyReportsAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken)
        {
            var (since, until) = (Wita.StartOf(first), Wita.StartOfDayAfter(last));
            var reports = await db.LevyReports.AsNoTracking().Where(r => r.ReceivedAt >= since && r.ReceivedAt < until)
                .Select(r => new { r.Id, r.ReceivedAt, r.Status }).ToListAsync(cancellationToken);
            var ids = reports.Select(r => r.Id).ToList();
            // The inspectorate's answers the reporter reads (not its own notes, nor what the reporter added), first of each.
            var firstAnswers = (await db.LevyReportAnswers.AsNoTracking().Where(a => ids.Contains(a.ReportId) && a.InspectorId != null && a.ForReporter)
                    .Select(a => new { a.ReportId, a.At }).ToListAsync(cancellationToken))
                .GroupBy(a => a.ReportId)
                .ToDictionary(g => g.Key, g => g.Min(a => a.At));
            var days = reports.Where(r => firstAnswers.ContainsKey(r.Id)).Select(r => (firstAnswers[r.Id] - r.ReceivedAt).TotalDays).Order().ToList();
            double? median = days.Count == 0 ? null : days.Count % 2 == 1 ? days[days.Count / 2] : (days[(days.Count / 2) - 1] + days[days.Count / 2]) / 2;
            return new LevyReportCounts(reports.Count, days.Count, reports.Count(r => r.Status == LevyReportStatus.Closed), median is { } m ? Math.Round(m, 1) : null);
        }
    }

    /// <summary>
    /// The month's figures as one CSV table a spreadsheet opens: the city, then each kecamatan and each sector by name
    /// (sectors in <paramref name="language"/>), the median decision time in milliseconds (blank when there is none to give).
    /// </summary>
    public static FileDownload ToCsv(Response statistics, Language language)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        // No median without decisions, nor for the histogram's open last bucket (over ten seconds, no upper bound).
        static object? Median(long applications, int ms) => applications == 0 || ms == int.MaxValue ? null : ms;
        IEnumerable<object?[]> Rows(string dimension, IReadOnlyList<Row> rows, Func<Row, string> name) =>
            rows.Select(r => new object?[] { statistics.Month, dimension, r.Key, name(r), r.Applications, r.ApprovalRate, Median(r.Applications, r.MedianDecisionMs) });
        return Csv.Table(
            $"statistik-{statistics.Month}",
            ["month", "dimension", "key", "name", "applications", "approval_rate", "median_decision_ms"],
            new[] { new object?[] { statistics.Month, "city", string.Empty, "Kota Kupang", statistics.Applications, statistics.ApprovalRate, Median(statistics.Applications, statistics.MedianDecisionMs) } }
                .Concat(Rows("kecamatan", statistics.ByKecamatan, r => r.Name))
                .Concat(Rows("sector", statistics.BySector, r => ChartPublicStatistics.SectorName(r.Key, language))));
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/statistics", async Task<Results<Ok<Response>, FileContentHttpResult, ProblemHttpResult>> (string? month, string? format, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
            {
                var result = await sender.Send(new Query(month), cancellationToken);
                if (!result.Succeeded || !string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
                {
                    return result.Succeeded ? TypedResults.Ok(result.Value) : result.Error!.ToProblem();
                }

                var language = RequestLanguage.From(http);
                RequestLanguage.SetContentLanguage(http, language);
                return ToCsv(result.Value, language).ToResult();
            })
            .AllowAnonymous()
            .CacheOutput(CachePolicy)
            .RequireRateLimiting(AuthSetup.PublicLimit)
            .WithName("PublicStatistics")
            .WithSummary("Public service statistics of a month: applications, approval rate and median decision time, by kecamatan and sector (format=csv for one CSV table).");
}
