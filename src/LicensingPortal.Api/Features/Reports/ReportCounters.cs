using LicensingPortal.Rules.Model;

namespace LicensingPortal.Api.Features.Reports;

/// <summary>
/// Keeps the report counters: incremented with an atomic upsert inside the decision's unit of work, and rebuilt
/// from the raw records on demand by <see cref="RebuildReports"/> (the two must agree; a test checks it).
/// </summary>
public sealed class ReportCounters(LicensingDbContext db)
{
    public sealed record Counted(DateOnly Day, string Kecamatan, string Sector, string PermitType, bool Approved, long LatencyMs, IReadOnlyList<string> FailedRequirements);

    /// <summary>Adds one decision, in the decision's unit of work.</summary>
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

    /// <summary>Counts one delivered notification, in the delivery's unit of work.</summary>
    public async Task CountDeliveryAsync(DateOnly day, string channel, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO daily_delivery_counts (day, channel, delivered) VALUES ({day}, {channel}, 1) ON CONFLICT (day, channel) DO UPDATE SET delivered = daily_delivery_counts.delivered + 1",
            cancellationToken);

    /// <summary>An application is counted under the sector of its first KBLI.</summary>
    public static string SectorOf(IReadOnlyList<string> kbli, IReadOnlyDictionary<string, KbliEntry> catalogue)
    {
        ArgumentNullException.ThrowIfNull(kbli);
        ArgumentNullException.ThrowIfNull(catalogue);
        return kbli.Count > 0 && catalogue.TryGetValue(kbli[0], out var entry) ? entry.Sector : "lainnya";
    }
}
