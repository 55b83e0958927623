using LicensingPortal.Api.Data;
using LicensingPortal.Api.Domain;
using LicensingPortal.Rules.Model;
using Microsoft.EntityFrameworkCore;

namespace LicensingPortal.Api.Features.Reports;

/// <summary>
/// Keeps the report counters: incremented with an atomic upsert inside the decision's transaction, and rebuilt
/// from the raw records on demand (the two must agree; a test checks it).
/// </summary>
public sealed class ReportCounters(LicensingDbContext db)
{
    public sealed record Counted(DateOnly Day, string Kecamatan, string Sector, string PermitType, bool Approved, long LatencyMs, IReadOnlyList<string> FailedRequirements);

    /// <summary>Adds one decision; call inside the decision's transaction.</summary>
    public async Task CountAsync(Counted decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO daily_decision_counts (day, kecamatan, sector, permit_type, approved, count) VALUES ({decision.Day}, {decision.Kecamatan}, {decision.Sector}, {decision.PermitType}, {decision.Approved}, 1) ON CONFLICT (day, kecamatan, sector, permit_type, approved) DO UPDATE SET count = daily_decision_counts.count + 1",
            cancellationToken);
        var bucket = DailyLatencyBucket.BucketOf(decision.LatencyMs);
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO daily_latency_buckets (day, upper_bound_ms, count) VALUES ({decision.Day}, {bucket}, 1) ON CONFLICT (day, upper_bound_ms) DO UPDATE SET count = daily_latency_buckets.count + 1",
            cancellationToken);
        var month = new DateOnly(decision.Day.Year, decision.Day.Month, 1);
        foreach (var (dimension, key) in new[] { (MonthlyLatencyBucket.ByKecamatan, decision.Kecamatan), (MonthlyLatencyBucket.BySector, decision.Sector) })
        {
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO monthly_latency_buckets (month, dimension, key, upper_bound_ms, count) VALUES ({month}, {dimension}, {key}, {bucket}, 1) ON CONFLICT (month, dimension, key, upper_bound_ms) DO UPDATE SET count = monthly_latency_buckets.count + 1",
                cancellationToken);
        }

        foreach (var requirement in decision.FailedRequirements)
        {
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO daily_requirement_failures (day, requirement_id, count) VALUES ({decision.Day}, {requirement}, 1) ON CONFLICT (day, requirement_id) DO UPDATE SET count = daily_requirement_failures.count + 1",
                cancellationToken);
        }
    }

    /// <summary>Counts one delivered notification; call inside the delivery's transaction.</summary>
    public async Task CountDeliveryAsync(DateOnly day, string channel, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO daily_delivery_counts (day, channel, delivered) VALUES ({day}, {channel}, 1) ON CONFLICT (day, channel) DO UPDATE SET delivered = daily_delivery_counts.delivered + 1",
            cancellationToken);

    /// <summary>Recomputes every counter from the stored applications and decisions.</summary>
    public async Task RebuildAsync(IReadOnlyDictionary<string, KbliEntry> catalogue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.DailyDecisionCounts.ExecuteDeleteAsync(cancellationToken);
        await db.DailyLatencyBuckets.ExecuteDeleteAsync(cancellationToken);
        await db.DailyRequirementFailures.ExecuteDeleteAsync(cancellationToken);
        await db.MonthlyLatencyBuckets.ExecuteDeleteAsync(cancellationToken);
        await db.DailyDeliveryCounts.ExecuteDeleteAsync(cancellationToken);

        var rows = await db.Applications.AsNoTracking()
            .Where(a => a.Decision != null)
            .Select(a => new { a.SubmissionDate, a.KecamatanCode, a.KbliCodes, a.PermitType, a.Decision!.Approved, a.Decision.LatencyMs, a.Decision.FailedRequirementIds })
            .ToListAsync(cancellationToken);
        foreach (var group in rows.GroupBy(r => (r.SubmissionDate, Kecamatan: r.KecamatanCode ?? string.Empty, Sector: SectorOf(r.KbliCodes, catalogue), r.PermitType, r.Approved)))
        {
            db.DailyDecisionCounts.Add(new DailyDecisionCount { Day = group.Key.SubmissionDate, Kecamatan = group.Key.Kecamatan, Sector = group.Key.Sector, PermitType = group.Key.PermitType, Approved = group.Key.Approved, Count = group.Count() });
        }

        foreach (var group in rows.GroupBy(r => (r.SubmissionDate, Bucket: DailyLatencyBucket.BucketOf(r.LatencyMs))))
        {
            db.DailyLatencyBuckets.Add(new DailyLatencyBucket { Day = group.Key.SubmissionDate, UpperBoundMs = group.Key.Bucket, Count = group.Count() });
        }

        foreach (var group in rows
            .SelectMany(r =>
            {
                var month = new DateOnly(r.SubmissionDate.Year, r.SubmissionDate.Month, 1);
                var bucket = DailyLatencyBucket.BucketOf(r.LatencyMs);
                return new[]
                {
                    (Month: month, Dimension: MonthlyLatencyBucket.ByKecamatan, Key: r.KecamatanCode ?? string.Empty, Bucket: bucket),
                    (Month: month, Dimension: MonthlyLatencyBucket.BySector, Key: SectorOf(r.KbliCodes, catalogue), Bucket: bucket),
                };
            })
            .GroupBy(x => x))
        {
            db.MonthlyLatencyBuckets.Add(new MonthlyLatencyBucket { Month = group.Key.Month, Dimension = group.Key.Dimension, Key = group.Key.Key, UpperBoundMs = group.Key.Bucket, Count = group.Count() });
        }

        var delivered = await db.OutboxMessages.AsNoTracking().Where(m => m.ProcessedAt != null).Select(m => new { m.ProcessedAt, m.Channel }).ToListAsync(cancellationToken);
        foreach (var group in delivered.GroupBy(m => (Day: Infrastructure.Wita.DateOf(m.ProcessedAt!.Value), m.Channel)))
        {
            db.DailyDeliveryCounts.Add(new DailyDeliveryCount { Day = group.Key.Day, Channel = group.Key.Channel, Delivered = group.Count() });
        }

        foreach (var group in rows.SelectMany(r => r.FailedRequirementIds.Select(id => (r.SubmissionDate, id))).GroupBy(x => x))
        {
            db.DailyRequirementFailures.Add(new DailyRequirementFailure { Day = group.Key.SubmissionDate, RequirementId = group.Key.id, Count = group.Count() });
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>An application is counted under the sector of its first KBLI.</summary>
    public static string SectorOf(IReadOnlyList<string> kbli, IReadOnlyDictionary<string, KbliEntry> catalogue)
    {
        ArgumentNullException.ThrowIfNull(kbli);
        ArgumentNullException.ThrowIfNull(catalogue);
        return kbli.Count > 0 && catalogue.TryGetValue(kbli[0], out var entry) ? entry.Sector : "lainnya";
    }
}
