using System.Globalization;
using System.Text;
using LicensingPortal.Api.Data;
using LicensingPortal.Api.Infrastructure.Errors;
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

    public sealed record BreakdownRow(string Key, long Total, long Approved, double ApprovalRate);

    public sealed record Latency(long Decisions, int P50Ms, int P95Ms, int P99Ms);

    public sealed record FailingRequirement(string Id, long Failures);

    public sealed record ExpiringPermit(string Type, string Kecamatan, DateOnly ValidUntil, int DaysLeft);

    public sealed record DeliveryHealth(string Channel, long Delivered, long Pending, long Retrying, long DeadLettered);

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/throughput", async Task<Results<Ok<List<ThroughputRow>>, FileContentHttpResult, ProblemHttpResult>> (DateOnly from, DateOnly to, string? granularity, string? format, LicensingDbContext db, CancellationToken cancellationToken) =>
            {
                if (to < from || granularity is not (null or "day" or "week" or "month"))
                {
                    return Error.Invalid("granularity", "A period with from ≤ to, and granularity day, week or month.").ToProblem();
                }

                var counts = await db.DailyDecisionCounts.AsNoTracking().Where(c => c.Day >= from && c.Day <= to).ToListAsync(cancellationToken);
                var rows = counts
                    .GroupBy(c => PeriodOf(c.Day, granularity ?? "day"))
                    .OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => Row(g.Key, g.Sum(c => c.Count), g.Where(c => c.Approved).Sum(c => c.Count)))
                    .ToList();
                return format == "csv"
                    ? Csv("throughput", ["period", "total", "approved", "rejected", "approval_rate"], rows.Select(r => new object[] { r.Period, r.Total, r.Approved, r.Rejected, r.ApprovalRate }))
                    : TypedResults.Ok(rows);
            })
            .WithName("ThroughputReport")
            .WithSummary("Decisions per local day, ISO week or month, with the approval rate.");

        routes.MapGet("/breakdown", async Task<Results<Ok<List<BreakdownRow>>, FileContentHttpResult, ProblemHttpResult>> (DateOnly from, DateOnly to, string by, string? format, LicensingDbContext db, CancellationToken cancellationToken) =>
            {
                if (to < from || by is not ("kecamatan" or "sector" or "permitType"))
                {
                    return Error.Invalid("by", "A period with from ≤ to, and by kecamatan, sector or permitType.").ToProblem();
                }

                var counts = await db.DailyDecisionCounts.AsNoTracking().Where(c => c.Day >= from && c.Day <= to).ToListAsync(cancellationToken);
                var rows = counts
                    .GroupBy(c => by switch { "kecamatan" => c.Kecamatan, "sector" => c.Sector, _ => c.PermitType })
                    .OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => { var total = g.Sum(c => c.Count); var approved = g.Where(c => c.Approved).Sum(c => c.Count); return new BreakdownRow(g.Key, total, approved, Rate(approved, total)); })
                    .ToList();
                return format == "csv"
                    ? Csv($"by-{by}", [by, "total", "approved", "approval_rate"], rows.Select(r => new object[] { r.Key, r.Total, r.Approved, r.ApprovalRate }))
                    : TypedResults.Ok(rows);
            })
            .WithName("BreakdownReport")
            .WithSummary("Decisions and approval rate by kecamatan, sector or permit type.");

        routes.MapGet("/latency", async (DateOnly from, DateOnly to, LicensingDbContext db, CancellationToken cancellationToken) =>
                TypedResults.Ok(await LatencyAsync(db, from, to, cancellationToken)))
            .WithName("LatencyReport")
            .WithSummary("Decision latency p50, p95 and p99 (upper bounds of fixed buckets, milliseconds).");

        routes.MapGet("/failing-requirements", async (DateOnly from, DateOnly to, int? top, LicensingDbContext db, CancellationToken cancellationToken) =>
            {
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

        routes.MapGet("/notification-health", async (LicensingDbContext db, CancellationToken cancellationToken) =>
            {
                var rows = await db.OutboxMessages.AsNoTracking()
                    .GroupBy(m => m.Channel)
                    .Select(g => new
                    {
                        Channel = g.Key,
                        Delivered = g.LongCount(m => m.ProcessedAt != null),
                        Pending = g.LongCount(m => m.ProcessedAt == null && m.DeadLetteredAt == null && m.Attempts == 0),
                        Retrying = g.LongCount(m => m.ProcessedAt == null && m.DeadLetteredAt == null && m.Attempts > 0),
                        DeadLettered = g.LongCount(m => m.DeadLetteredAt != null),
                    })
                    .ToListAsync(cancellationToken);
                return TypedResults.Ok(rows.OrderBy(r => r.Channel, StringComparer.Ordinal).Select(r => new DeliveryHealth(r.Channel, r.Delivered, r.Pending, r.Retrying, r.DeadLettered)).ToList());
            })
            .WithName("NotificationHealthReport")
            .WithSummary("Notifications per channel: delivered, pending, retrying and dead-lettered.");
    }

    public static async Task<Latency> LatencyAsync(LicensingDbContext db, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var buckets = await db.DailyLatencyBuckets.AsNoTracking().Where(b => b.Day >= from && b.Day <= to)
            .GroupBy(b => b.UpperBoundMs).Select(g => new { Bound = g.Key, Count = g.Sum(b => b.Count) }).ToListAsync(cancellationToken);
        var ordered = buckets.OrderBy(b => b.Bound).ToList();
        var total = ordered.Sum(b => b.Count);
        int Percentile(double p)
        {
            var rank = Math.Ceiling(total * p);
            long running = 0;
            foreach (var bucket in ordered)
            {
                running += bucket.Count;
                if (running >= rank)
                {
                    return bucket.Bound;
                }
            }

            return 0;
        }

        return new Latency(total, Percentile(0.50), Percentile(0.95), Percentile(0.99));
    }

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
        var csv = new StringBuilder(string.Join(',', header)).Append('\n');
        foreach (var row in rows)
        {
            csv.Append(string.Join(',', row.Select(value => Convert.ToString(value, CultureInfo.InvariantCulture)))).Append('\n');
        }

        return TypedResults.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv", $"{name}.csv");
    }
}
