using System.Globalization;
using LicensingPortal.Api.Infrastructure.Rules;
using LicensingPortal.Rules.Compilation;
using LicensingPortal.Rules.Model;

namespace LicensingPortal.Api.Features.Reports;

public sealed record ThroughputRow(string Period, long Total, long Approved, long Rejected, double ApprovalRate);

/// <summary>One kecamatan, sector or permit type; <paramref name="Name"/> is the kecamatan's name, else the key.</summary>
public sealed record BreakdownRow(string Key, string Name, long Total, long Approved, double ApprovalRate, long Rejected);

public sealed record LatencySummary(long Decisions, int P50Ms, int P95Ms, int P99Ms);

/// <summary>
/// The sums the reports share, read from the counters plus the contributions not yet rolled up (their cost grows with days, not applications). No
/// personal data: counts per day, district, sector, permit type and outcome only.
/// </summary>
public static class ReportQueries
{
    /// <summary>The longest period a report covers: three years of daily counters.</summary>
    public const int MaxPeriodDays = 3 * 366;

    public static readonly string PeriodMessage = $"A period runs from 'from' to 'to' (from ≤ to), at most {MaxPeriodDays} days.";

    public static bool IsPeriod(DateOnly from, DateOnly to) => to >= from && to.DayNumber - from.DayNumber < MaxPeriodDays;

    /// <summary>The rule of every report's period, on its 'to' field.</summary>
    public static IRuleBuilderOptions<T, DateOnly> IsEndOfPeriod<T>(this IRuleBuilder<T, DateOnly> rule, Func<T, DateOnly> from) =>
        rule.Must((query, to) => IsPeriod(from(query), to)).WithMessage(PeriodMessage);

    public static readonly string[] Granularities = ["day", "week", "month"];

    public static readonly string[] Dimensions = ["kecamatan", "sector", "permitType"];

    /// <summary>Decisions per period, summed in the database per day and outcome (at most two rows a day).</summary>
    public static async Task<List<ThroughputRow>> ThroughputAsync(LicensingDbContext db, DateOnly from, DateOnly to, string granularity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var days = await ReportCounters.LiveDecisionCounts(db)
            .Where(c => c.Day >= from && c.Day <= to)
            .GroupBy(c => new { c.Day, c.Approved })
            .Select(g => new { g.Key.Day, g.Key.Approved, Count = g.Sum(c => c.Count) })
            .ToListAsync(cancellationToken);
        return days
            .GroupBy(d => PeriodOf(d.Day, granularity))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var total = g.Sum(d => d.Count);
                var approved = g.Where(d => d.Approved).Sum(d => d.Count);
                return new ThroughputRow(g.Key, total, approved, total - approved, Rate(approved, total));
            })
            .ToList();
    }

    /// <summary>Decisions per kecamatan, sector or permit type, summed in the database.</summary>
    public static async Task<List<BreakdownRow>> BreakdownAsync(LicensingDbContext db, DateOnly from, DateOnly to, string by, IReadOnlyDictionary<string, string> names, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(names);
        var range = ReportCounters.LiveDecisionCounts(db).Where(c => c.Day >= from && c.Day <= to);
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
                return new BreakdownRow(g.Key, by == "kecamatan" ? names.GetValueOrDefault(g.Key, g.Key) : g.Key, total, approved, Rate(approved, total), total - approved);
            })
            .ToList();
    }

    public static async Task<LatencySummary> LatencyAsync(LicensingDbContext db, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var buckets = await ReportCounters.LiveLatencyBuckets(db).Where(b => b.Day >= from && b.Day <= to)
            .GroupBy(b => b.UpperBoundMs).Select(g => new { Bound = g.Key, Count = g.Sum(b => b.Count) }).ToListAsync(cancellationToken);
        var histogram = buckets.Select(b => (b.Bound, b.Count)).ToList();
        return new LatencySummary(histogram.Sum(b => b.Count), Percentile(histogram, 0.50), Percentile(histogram, 0.95), Percentile(histogram, 0.99));
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

    /// <summary>Kecamatan code → name, from the rule set in force today.</summary>
    public static IReadOnlyDictionary<string, string> KecamatanNames(RuleSetCatalog rules, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return rules.InForceOn(Wita.Today(time))?.Definition.Kelurahan.Values
            .GroupBy(k => k.KecamatanCode)
            .ToDictionary(g => g.Key, g => g.First().KecamatanName, StringComparer.Ordinal)
            ?? new Dictionary<string, string>(StringComparer.Ordinal);
    }

    /// <summary>A requirement's title as people read it (see <see cref="Named"/>); its id if no rule set has it.</summary>
    public static string RequirementTitle(RuleSetCatalog rules, TimeProvider time, string id, Language language) =>
        Named(rules, time, set => set.FindRequirement(id)?.Title.In(language)) ?? id;

    /// <summary>A permit type's title as people read it (see <see cref="Named"/>); its code if no rule set has it.</summary>
    public static string PermitTypeTitle(RuleSetCatalog rules, TimeProvider time, string type, Language language) =>
        Named(rules, time, set => set.Definition.PermitTypes.TryGetValue(type, out var definition) ? definition.Title.In(language) : null) ?? type;

    /// <summary>A name from the rule set in force today, else from the newest that has one (for what has since been retired); null if none does.</summary>
    private static string? Named(RuleSetCatalog rules, TimeProvider time, Func<CompiledRuleSet, string?> name)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (rules.InForceOn(Wita.Today(time)) is { } current && name(current) is { } found)
        {
            return found;
        }

        var sets = rules.Library.RuleSets;
        for (var i = sets.Count - 1; i >= 0; i--)
        {
            if (name(sets[i]) is { } older)
            {
                return older;
            }
        }

        return null;
    }

    public static double Rate(long part, long total) => total == 0 ? 0 : Math.Round((double)part / total, 4);

    /// <summary>The period a day falls in, as reports key it: "2026-11-06", "2026-W45", "2026-11".</summary>
    public static string PeriodOf(DateOnly day, string granularity) => granularity switch
    {
        "month" => day.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        "week" => string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(day.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue)):D2}"),
        _ => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };
}
