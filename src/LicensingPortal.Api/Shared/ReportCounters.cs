using LicensingPortal.Rules.Model;

namespace LicensingPortal.Api.Shared;

/// <summary>
/// Keeps the report counters without a row that every decision updates: a decision only inserts its own
/// contribution (<see cref="Count"/>), the roll-up (<see cref="RollUpAsync"/>) folds contributions into the
/// counters in batches, moving each exactly once, and the reports read counters plus what is not yet folded in
/// (<see cref="LiveDecisionCounts"/> and its siblings), so they are never stale. the reports feature's RebuildReports
/// recomputes the counters from the raw records; the two must agree (a test checks it, with roll-ups between).
/// </summary>
public sealed class ReportCounters(LicensingDbContext db)
{
    /// <summary>How many contributions one roll-up transaction moves at most.</summary>
    public const int RollUpBatch = 5_000;

    public sealed record Counted(DateOnly Day, string Kecamatan, string Sector, string PermitType, bool Approved, long LatencyMs, IReadOnlyList<string> FailedRequirements);

    /// <summary>Adds one decision's contribution to the caller's unit of work (inserted with it, in the same batch).</summary>
    public void Count(Counted decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        db.DecisionContributions.Add(DecisionContribution.Of(decision.Day, decision.Kecamatan, decision.Sector, decision.PermitType, decision.Approved, decision.LatencyMs));
        foreach (var requirement in decision.FailedRequirements)
        {
            db.RequirementFailureContributions.Add(RequirementFailureContribution.Of(decision.Day, requirement));
        }
    }

    /// <summary>
    /// Folds up to <see cref="RollUpBatch"/> decisions' contributions into the counters and deletes them, in the
    /// caller's transaction; returns how many decisions it moved. On PostgreSQL one statement deletes and adds
    /// (one snapshot, so a contribution committed meanwhile waits for the next round); SQLite's single writer
    /// makes the read-add-delete sequence safe.
    /// </summary>
    public async Task<int> RollUpAsync(CancellationToken cancellationToken) =>
        db.Database.IsNpgsql() ? await RollUpOnPostgresAsync(cancellationToken) : await RollUpOnSqliteAsync(cancellationToken);

    private async Task<int> RollUpOnPostgresAsync(CancellationToken cancellationToken)
    {
        var moved = (await db.Database.SqlQuery<int>($"""
            WITH batch AS (
                DELETE FROM decision_contributions
                WHERE id IN (SELECT id FROM decision_contributions ORDER BY id LIMIT {RollUpBatch})
                RETURNING day, month, kecamatan, sector, permit_type, approved, upper_bound_ms),
            counts AS (
                INSERT INTO daily_decision_counts (day, kecamatan, sector, permit_type, approved, count)
                SELECT day, kecamatan, sector, permit_type, approved, count(*) FROM batch GROUP BY day, kecamatan, sector, permit_type, approved
                ON CONFLICT (day, kecamatan, sector, permit_type, approved) DO UPDATE SET count = daily_decision_counts.count + excluded.count),
            latency AS (
                INSERT INTO daily_latency_buckets (day, upper_bound_ms, count)
                SELECT day, upper_bound_ms, count(*) FROM batch GROUP BY day, upper_bound_ms
                ON CONFLICT (day, upper_bound_ms) DO UPDATE SET count = daily_latency_buckets.count + excluded.count),
            monthly AS (
                INSERT INTO monthly_latency_buckets (month, dimension, key, upper_bound_ms, count)
                SELECT month, 'kecamatan', kecamatan, upper_bound_ms, count(*) FROM batch GROUP BY month, kecamatan, upper_bound_ms
                UNION ALL
                SELECT month, 'sector', sector, upper_bound_ms, count(*) FROM batch GROUP BY month, sector, upper_bound_ms
                ON CONFLICT (month, dimension, key, upper_bound_ms) DO UPDATE SET count = monthly_latency_buckets.count + excluded.count)
            SELECT count(*)::int AS "Value" FROM batch
            """).ToListAsync(cancellationToken)).Single();
        await db.Database.ExecuteSqlAsync($"""
            WITH batch AS (
                DELETE FROM requirement_failure_contributions
                WHERE id IN (SELECT id FROM requirement_failure_contributions ORDER BY id LIMIT {RollUpBatch * 4})
                RETURNING day, requirement_id)
            INSERT INTO daily_requirement_failures (day, requirement_id, count)
            SELECT day, requirement_id, count(*) FROM batch GROUP BY day, requirement_id
            ON CONFLICT (day, requirement_id) DO UPDATE SET count = daily_requirement_failures.count + excluded.count
            """, cancellationToken);
        return moved;
    }

    private async Task<int> RollUpOnSqliteAsync(CancellationToken cancellationToken)
    {
        var last = (await db.Database.SqlQuery<long?>($"SELECT max(id) AS \"Value\" FROM (SELECT id FROM decision_contributions ORDER BY id LIMIT {RollUpBatch})").ToListAsync(cancellationToken)).Single();
        var lastFailure = (await db.Database.SqlQuery<long?>($"SELECT max(id) AS \"Value\" FROM (SELECT id FROM requirement_failure_contributions ORDER BY id LIMIT {RollUpBatch * 4})").ToListAsync(cancellationToken)).Single();
        var moved = 0;
        if (last is { } id)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO daily_decision_counts (day, kecamatan, sector, permit_type, approved, count)
                SELECT day, kecamatan, sector, permit_type, approved, count(*) FROM decision_contributions WHERE id <= {id} GROUP BY day, kecamatan, sector, permit_type, approved
                ON CONFLICT (day, kecamatan, sector, permit_type, approved) DO UPDATE SET count = daily_decision_counts.count + excluded.count
                """, cancellationToken);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO daily_latency_buckets (day, upper_bound_ms, count)
                SELECT day, upper_bound_ms, count(*) FROM decision_contributions WHERE id <= {id} GROUP BY day, upper_bound_ms
                ON CONFLICT (day, upper_bound_ms) DO UPDATE SET count = daily_latency_buckets.count + excluded.count
                """, cancellationToken);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO monthly_latency_buckets (month, dimension, key, upper_bound_ms, count)
                SELECT month, 'kecamatan', kecamatan, upper_bound_ms, count(*) FROM decision_contributions WHERE id <= {id} GROUP BY month, kecamatan, upper_bound_ms
                UNION ALL
                SELECT month, 'sector', sector, upper_bound_ms, count(*) FROM decision_contributions WHERE id <= {id} GROUP BY month, sector, upper_bound_ms
                ON CONFLICT (month, dimension, key, upper_bound_ms) DO UPDATE SET count = monthly_latency_buckets.count + excluded.count
                """, cancellationToken);
            moved = await db.Database.ExecuteSqlAsync($"DELETE FROM decision_contributions WHERE id <= {id}", cancellationToken);
        }

        if (lastFailure is { } failure)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO daily_requirement_failures (day, requirement_id, count)
                SELECT day, requirement_id, count(*) FROM requirement_failure_contributions WHERE id <= {failure} GROUP BY day, requirement_id
                ON CONFLICT (day, requirement_id) DO UPDATE SET count = daily_requirement_failures.count + excluded.count
                """, cancellationToken);
            await db.Database.ExecuteSqlAsync($"DELETE FROM requirement_failure_contributions WHERE id <= {failure}", cancellationToken);
        }

        return moved;
    }

    /// <summary>The daily decision counts as the reports see them: rolled up, plus the contributions not yet rolled up.</summary>
    public static IQueryable<CountRow> LiveDecisionCounts(LicensingDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.DailyDecisionCounts.AsNoTracking()
            .Select(c => new CountRow { Day = c.Day, Kecamatan = c.Kecamatan, Sector = c.Sector, PermitType = c.PermitType, Approved = c.Approved, Count = c.Count })
            .Concat(db.DecisionContributions.AsNoTracking()
                .Select(c => new CountRow { Day = c.Day, Kecamatan = c.Kecamatan, Sector = c.Sector, PermitType = c.PermitType, Approved = c.Approved, Count = 1L }));
    }

    /// <summary>Daily latency buckets, rolled up plus not yet rolled up.</summary>
    public static IQueryable<BucketRow> LiveLatencyBuckets(LicensingDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.DailyLatencyBuckets.AsNoTracking()
            .Select(b => new BucketRow { Day = b.Day, UpperBoundMs = b.UpperBoundMs, Count = b.Count })
            .Concat(db.DecisionContributions.AsNoTracking().Select(c => new BucketRow { Day = c.Day, UpperBoundMs = c.UpperBoundMs, Count = 1L }));
    }

    /// <summary>Monthly latency buckets per kecamatan and sector, rolled up plus not yet rolled up.</summary>
    public static IQueryable<MonthlyBucketRow> LiveMonthlyLatencyBuckets(LicensingDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.MonthlyLatencyBuckets.AsNoTracking()
            .Select(b => new MonthlyBucketRow { Month = b.Month, Dimension = b.Dimension, Key = b.Key, UpperBoundMs = b.UpperBoundMs, Count = b.Count })
            .Concat(db.DecisionContributions.AsNoTracking().Select(c => new MonthlyBucketRow { Month = c.Month, Dimension = MonthlyLatencyBucket.ByKecamatan, Key = c.Kecamatan, UpperBoundMs = c.UpperBoundMs, Count = 1L }))
            .Concat(db.DecisionContributions.AsNoTracking().Select(c => new MonthlyBucketRow { Month = c.Month, Dimension = MonthlyLatencyBucket.BySector, Key = c.Sector, UpperBoundMs = c.UpperBoundMs, Count = 1L }));
    }

    /// <summary>Requirement failures per day, rolled up plus not yet rolled up.</summary>
    public static IQueryable<FailureRow> LiveRequirementFailures(LicensingDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.DailyRequirementFailures.AsNoTracking()
            .Select(f => new FailureRow { Day = f.Day, RequirementId = f.RequirementId, Count = f.Count })
            .Concat(db.RequirementFailureContributions.AsNoTracking().Select(f => new FailureRow { Day = f.Day, RequirementId = f.RequirementId, Count = 1L }));
    }

    public sealed class CountRow
    {
        public DateOnly Day { get; init; }

        public string Kecamatan { get; init; } = string.Empty;

        public string Sector { get; init; } = string.Empty;

        public string PermitType { get; init; } = string.Empty;

        public bool Approved { get; init; }

        public long Count { get; init; }
    }

    public sealed class BucketRow
    {
        public DateOnly Day { get; init; }

        public int UpperBoundMs { get; init; }

        public long Count { get; init; }
    }

    public sealed class MonthlyBucketRow
    {
        public DateOnly Month { get; init; }

        public string Dimension { get; init; } = string.Empty;

        public string Key { get; init; } = string.Empty;

        public int UpperBoundMs { get; init; }

        public long Count { get; init; }
    }

    public sealed class FailureRow
    {
        public DateOnly Day { get; init; }

        public string RequirementId { get; init; } = string.Empty;

        public long Count { get; init; }
    }

    /// <summary>Counts notifications delivered on a channel, in the delivery's unit of work, on one of the day's slots.</summary>
    public async Task CountDeliveriesAsync(DateOnly day, string channel, int delivered, CancellationToken cancellationToken)
    {
        var slot = (short)Random.Shared.Next(DailyDeliveryCount.Slots);
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO daily_delivery_counts (day, channel, slot, delivered) VALUES ({day}, {channel}, {slot}, {delivered}) ON CONFLICT (day, channel, slot) DO UPDATE SET delivered = daily_delivery_counts.delivered + EXCLUDED.delivered",
            cancellationToken);
    }

    /// <summary>An application is counted under the sector of its first KBLI.</summary>
    public static string SectorOf(IReadOnlyList<string> kbli, IReadOnlyDictionary<string, KbliEntry> catalogue)
    {
        ArgumentNullException.ThrowIfNull(kbli);
        ArgumentNullException.ThrowIfNull(catalogue);
        return kbli.Count > 0 && catalogue.TryGetValue(kbli[0], out var entry) ? entry.Sector : "lainnya";
    }
}
