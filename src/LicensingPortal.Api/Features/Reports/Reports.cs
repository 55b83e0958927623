using System.Globalization;
using System.Text;
using CsvHelper;
using LicensingPortal.Api.Data;
using LicensingPortal.Api.Infrastructure;
using LicensingPortal.Api.Infrastructure.Errors;
using LicensingPortal.Api.Infrastructure.Rules;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LicensingPortal.Api.Features.Reports;

/// <summary>
/// Reports for the mayor's office, read from the daily counters (cost grows with days, not applications),
/// as JSON or, with ?format=csv, as CSV. They hold no personal data.
/// </summary>
public static class Reports
{
    public sealed record ThroughputRow(string Period, long Total, long Approved, long Rejected, double ApprovalRate);

    /// <summary>One kecamatan, sector or permit type; <paramref name="Name"/> is the kecamatan's name, else the key.</summary>
    public sealed record BreakdownRow(string Key, string Name, long Total, long Approved, double ApprovalRate);

    /// <summary>The longest period a report covers: three years of daily counters.</summary>
    public const int MaxPeriodDays = 3 * 366;

    public sealed record Latency(long Decisions, int P50Ms, int P95Ms, int P99Ms);

    public sealed record FailingRequirement(string Id, long Failures);

    public sealed record ExpiringPermit(string Type, string Kecamatan, DateOnly ValidUntil, int DaysLeft);

    public sealed record DeliveryHealth(string Channel, long Delivered, long Pending, long Retrying, long DeadLettered);

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/throughput", async Task<Results<Ok<List<ThroughputRow>>, FileContentHttpResult, ProblemHttpResult>> (DateOnly from, DateOnly to, string? granularity, string? format, LicensingDbContext db, CancellationToken cancellationToken) =>
            {
                if (CheckPeriod(from, to) is { } invalid)
                {
                    return invalid.ToProblem();
                }

                if (granularity is not (null or "day" or "week" or "month"))
                {
                    return Error.Invalid("granularity", "granularity is day, week or month.").ToProblem();
                }

                var rows = await ThroughputAsync(db, from, to, granularity ?? "day", cancellationToken);
                return format == "csv"
                    ? Csv("throughput", ["period", "total", "approved", "rejected", "approval_rate"], rows.Select(r => new object[] { r.Period, r.Total, r.Approved, r.Rejected, r.ApprovalRate }))
                    : TypedResults.Ok(rows);
            })
            .WithName("ThroughputReport")
            .WithSummary("Decisions per local day, ISO week or month, with the approval rate (format=csv for CSV).");

        routes.MapGet("/breakdown", async Task<Results<Ok<List<BreakdownRow>>, FileContentHttpResult, ProblemHttpResult>> (DateOnly from, DateOnly to, string by, string? format, LicensingDbContext db, RuleSetCatalog rules, TimeProvider time, CancellationToken cancellationToken) =>
            {
                if (CheckPeriod(from, to) is { } invalid)
                {
                    return invalid.ToProblem();
                }

                if (by is not ("kecamatan" or "sector" or "permitType"))
                {
                    return Error.Invalid("by", "by is kecamatan, sector or permitType.").ToProblem();
                }

                var rows = await BreakdownAsync(db, from, to, by, KecamatanNames(rules, time), cancellationToken);
                return format == "csv"
                    ? Csv($"by-{by}", [by, "name", "total", "approved", "approval_rate"], rows.Select(r => new object[] { r.Key, r.Name, r.Total, r.Approved, r.ApprovalRate }))
                    : TypedResults.Ok(rows);
            })
            .WithName("BreakdownReport")
            .WithSummary("Decisions, approvals (permits granted) and approval rate by kecamatan, sector or permit type (format=csv for CSV).");

        routes.MapGet("/charts/throughput", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (DateOnly from, DateOnly to, string? granularity, string? format, HttpContext http, LicensingDbContext db, CancellationToken cancellationToken) =>
            {
                if (CheckPeriod(from, to) is { } invalid)
                {
                    return invalid.ToProblem();
                }

                if (granularity is not (null or "day" or "week" or "month") || format is not (null or "png" or "svg"))
                {
                    return Error.Invalid("format", "granularity is day, week or month; format is png or svg.").ToProblem();
                }

                var rows = await ThroughputAsync(db, from, to, granularity ?? "day", cancellationToken);
                return ReportCharts.Throughput(rows, granularity ?? "day", from, to, RequestLanguage.From(http), format ?? "png");
            })
            .WithName("ThroughputChart")
            .WithSummary("A chart of decisions over time, approved and rejected (PNG, or SVG with format=svg).");

        routes.MapGet("/charts/kecamatan", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (DateOnly from, DateOnly to, string? format, HttpContext http, LicensingDbContext db, RuleSetCatalog rules, TimeProvider time, CancellationToken cancellationToken) =>
            {
                if (CheckPeriod(from, to) is { } invalid)
                {
                    return invalid.ToProblem();
                }

                if (format is not (null or "png" or "svg"))
                {
                    return Error.Invalid("format", "format is png or svg.").ToProblem();
                }

                var rows = await BreakdownAsync(db, from, to, "kecamatan", KecamatanNames(rules, time), cancellationToken);
                return ReportCharts.ByKecamatan(rows, from, to, RequestLanguage.From(http), format ?? "png");
            })
            .WithName("KecamatanChart")
            .WithSummary("A chart of decisions per kecamatan, approved and rejected (PNG, or SVG with format=svg).");

        routes.MapGet("/latency", async Task<Results<Ok<Latency>, ProblemHttpResult>> (DateOnly from, DateOnly to, LicensingDbContext db, CancellationToken cancellationToken) =>
                CheckPeriod(from, to) is { } invalid ? invalid.ToProblem() : TypedResults.Ok(await LatencyAsync(db, from, to, cancellationToken)))
            .WithName("LatencyReport")
            .WithSummary("Decision latency p50, p95 and p99 (upper bounds of fixed buckets, milliseconds).");

        routes.MapGet("/failing-requirements", async Task<Results<Ok<List<FailingRequirement>>, ProblemHttpResult>> (DateOnly from, DateOnly to, int? top, LicensingDbContext db, CancellationToken cancellationToken) =>
            {
                if (CheckPeriod(from, to) is { } invalid)
                {
                    return invalid.ToProblem();
                }

                var totals = await db.DailyRequirementFailures.AsNoTracking()
                    .Where(f => f.Day >= from && f.Day <= to)
                    .GroupBy(f => f.RequirementId)
                    .Select(g => new { Id = g.Key, Failures = g.Sum(f => f.Count) })
                    .ToListAsync(cancellationToken);
                return TypedResults.Ok(totals
                    .OrderByDescending(f => f.Failures).ThenBy(f => f.Id, StringComparer.Ordinal)
                    .Take(Math.Clamp(top ?? 10, 1, 100))
                    .Select(f => new FailingRequirement(f.Id, f.Failures))
                    .ToList());
            })
            .WithName("FailingRequirementsReport")
            .WithSummary("The requirements that fail most in a period.");
    }

    /// <summary>Permits whose validity ends within the next days; types and districts only, no holders.</summary>
    public static void MapOperations(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/expiring-permits", async (int? days, LicensingDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
            {
                var today = Infrastructure.Wita.Today(time);
                var until = today.AddDays(Math.Clamp(days ?? 90, 1, 366));
                var permits = await db.Permits.AsNoTracking()
                    .Where(p => p.Status == Domain.PermitStatus.Active && p.ValidUntil != null && p.ValidUntil >= today && p.ValidUntil <= until)
                    .Join(db.Applications, p => p.ApplicationId, a => a.Id, (p, a) => new { p.Type, a.KecamatanCode, p.ValidUntil })
                    .ToListAsync(cancellationToken);
                return TypedResults.Ok(permits
                    .Select(p => new ExpiringPermit(p.Type, p.KecamatanCode ?? string.Empty, p.ValidUntil!.Value, p.ValidUntil.Value.DayNumber - today.DayNumber))
                    .OrderBy(p => p.ValidUntil).ThenBy(p => p.Type, StringComparer.Ordinal)
                    .ToList());
            })
            .WithName("ExpiringPermitsReport")
            .WithSummary("Permits that expire within the next days (90 by default), by type and kecamatan.");

        routes.MapGet("/notification-health", async Task<Results<Ok<List<DeliveryHealth>>, ProblemHttpResult>> (DateOnly? from, DateOnly? to, LicensingDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
            {
                var until = to ?? Infrastructure.Wita.Today(time);
                var since = from ?? until.AddDays(-29);
                if (CheckPeriod(since, until) is { } invalid)
                {
                    return invalid.ToProblem();
                }

                var delivered = await db.DailyDeliveryCounts.AsNoTracking()
                    .Where(c => c.Day >= since && c.Day <= until)
                    .GroupBy(c => c.Channel)
                    .Select(g => new { Channel = g.Key, Delivered = g.Sum(c => c.Delivered) })
                    .ToListAsync(cancellationToken);

                // Messages not yet delivered are few (a partial index holds them), whatever the size of the outbox.
                var open = await db.OutboxMessages.AsNoTracking()
                    .Where(m => m.ProcessedAt == null)
                    .GroupBy(m => m.Channel)
                    .Select(g => new
                    {
                        Channel = g.Key,
                        Pending = g.LongCount(m => m.DeadLetteredAt == null && m.Attempts == 0),
                        Retrying = g.LongCount(m => m.DeadLetteredAt == null && m.Attempts > 0),
                        DeadLettered = g.LongCount(m => m.DeadLetteredAt != null),
                    })
                    .ToListAsync(cancellationToken);
                return TypedResults.Ok(delivered.Select(d => d.Channel).Union(open.Select(o => o.Channel))
                    .Order(StringComparer.Ordinal)
                    .Select(channel =>
                    {
                        var waiting = open.SingleOrDefault(o => o.Channel == channel);
                        return new DeliveryHealth(channel, delivered.SingleOrDefault(d => d.Channel == channel)?.Delivered ?? 0, waiting?.Pending ?? 0, waiting?.Retrying ?? 0, waiting?.DeadLettered ?? 0);
                    })
                    .ToList());
            })
            .WithName("NotificationHealthReport")
            .WithSummary("Notifications per channel: delivered in a period (the last 30 days by default), and now pending, retrying and dead-lettered.");
    }

    public static async Task<Latency> LatencyAsync(LicensingDbContext db, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var buckets = await db.DailyLatencyBuckets.AsNoTracking().Where(b => b.Day >= from && b.Day <= to)
            .GroupBy(b => b.UpperBoundMs).Select(g => new { Bound = g.Key, Count = g.Sum(b => b.Count) }).ToListAsync(cancellationToken);
        var histogram = buckets.Select(b => (b.Bound, b.Count)).ToList();
        return new Latency(histogram.Sum(b => b.Count), Percentile(histogram, 0.50), Percentile(histogram, 0.95), Percentile(histogram, 0.99));
    }

    /// <summary>The upper bound of the bucket that holds the p-th quantile of a fixed-bucket histogram; 0 when empty.</summary>
    public static int Percentile(IEnumerable<(int Bound, long Count)> histogram, double p)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        var ordered = histogram.OrderBy(b => b.Bound).ToList();
        var rank = Math.Ceiling(ordered.Sum(b => b.Count) * p);
        long running = 0;
        foreach (var (bound, count) in ordered)
        {
            running += count;
            if (running >= rank && running > 0)
            {
                return bound;
            }
        }

        return 0;
    }

    /// <summary>Decisions per period, summed in the database per day and outcome (at most two rows a day).</summary>
    public static async Task<List<ThroughputRow>> ThroughputAsync(LicensingDbContext db, DateOnly from, DateOnly to, string granularity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var days = await db.DailyDecisionCounts.AsNoTracking()
            .Where(c => c.Day >= from && c.Day <= to)
            .GroupBy(c => new { c.Day, c.Approved })
            .Select(g => new { g.Key.Day, g.Key.Approved, Count = g.Sum(c => c.Count) })
            .ToListAsync(cancellationToken);
        return days
            .GroupBy(d => PeriodOf(d.Day, granularity))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Row(g.Key, g.Sum(d => d.Count), g.Where(d => d.Approved).Sum(d => d.Count)))
            .ToList();
    }

    /// <summary>Decisions per kecamatan, sector or permit type, summed in the database.</summary>
    public static async Task<List<BreakdownRow>> BreakdownAsync(LicensingDbContext db, DateOnly from, DateOnly to, string by, IReadOnlyDictionary<string, string> names, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(names);
        var range = db.DailyDecisionCounts.AsNoTracking().Where(c => c.Day >= from && c.Day <= to);
        var grouped = by switch
        {
            "kecamatan" => range.GroupBy(c => new { Key = c.Kecamatan, c.Approved }),
            "sector" => range.GroupBy(c => new { Key = c.Sector, c.Approved }),
            _ => range.GroupBy(c => new { Key = c.PermitType, c.Approved }),
        };
        var totals = await grouped.Select(g => new { g.Key.Key, g.Key.Approved, Count = g.Sum(c => c.Count) }).ToListAsync(cancellationToken);
        return totals
            .GroupBy(t => t.Key)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var total = g.Sum(t => t.Count);
                var approved = g.Where(t => t.Approved).Sum(t => t.Count);
                return new BreakdownRow(g.Key, by == "kecamatan" ? names.GetValueOrDefault(g.Key, g.Key) : g.Key, total, approved, Rate(approved, total));
            })
            .ToList();
    }

    /// <summary>Kecamatan code → name, from the rule set in force today.</summary>
    public static IReadOnlyDictionary<string, string> KecamatanNames(RuleSetCatalog rules, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return rules.InForceOn(Infrastructure.Wita.Today(time))?.Definition.Kelurahan.Values
            .GroupBy(k => k.KecamatanCode)
            .ToDictionary(g => g.Key, g => g.First().KecamatanName, StringComparer.Ordinal)
            ?? new Dictionary<string, string>(StringComparer.Ordinal);
    }

    /// <summary>A report period: from ≤ to, at most <see cref="MaxPeriodDays"/> days.</summary>
    public static Error? CheckPeriod(DateOnly from, DateOnly to) =>
        to < from || to.DayNumber - from.DayNumber >= MaxPeriodDays
            ? Error.Invalid("to", $"A period runs from 'from' to 'to' (from ≤ to), at most {MaxPeriodDays} days.")
            : null;

    private static ThroughputRow Row(string period, long total, long approved) => new(period, total, approved, total - approved, Rate(approved, total));

    public static double Rate(long part, long total) => total == 0 ? 0 : Math.Round((double)part / total, 4);

    private static string PeriodOf(DateOnly day, string granularity) => granularity switch
    {
        "month" => day.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        "week" => string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(day.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue)):D2}"),
        _ => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    private static FileContentHttpResult Csv(string name, string[] header, IEnumerable<object[]> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, new CsvWriterOptions { NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture }, false))
        {
            csv.WriteRecord(header);
            foreach (var row in rows)
            {
                foreach (var value in row)
                {
                    csv.WriteField(value);
                }

                csv.EndRecord();
            }
        }

        return TypedResults.File(Encoding.UTF8.GetBytes(text.ToString()), "text/csv", $"{name}.csv");
    }
}
