namespace LicensingPortal.Api.Domain;

/// <summary>
/// Decisions counted per local (WITA) day × kecamatan × sector × permit type × outcome, kept in the decision's
/// transaction, so a report over a year reads a few thousand rows, not every application.
/// </summary>
public sealed class DailyDecisionCount
{
    public DateOnly Day { get; set; }

    public string Kecamatan { get; set; } = string.Empty;

    public string Sector { get; set; } = string.Empty;

    public string PermitType { get; set; } = string.Empty;

    public bool Approved { get; set; }

    public long Count { get; set; }
}

/// <summary>Decision latency per local day in fixed buckets (upper bounds in milliseconds), for percentiles without raw data.</summary>
public sealed class DailyLatencyBucket
{
    public static readonly int[] UpperBoundsMs = [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, int.MaxValue];

    public DateOnly Day { get; set; }

    public int UpperBoundMs { get; set; }

    public long Count { get; set; }

    public static int BucketOf(long milliseconds) => UpperBoundsMs.First(bound => milliseconds <= bound);
}

/// <summary>How often each requirement failed per local day: the requirements that fail most.</summary>
public sealed class DailyRequirementFailure
{
    public DateOnly Day { get; set; }

    public string RequirementId { get; set; } = string.Empty;

    public long Count { get; set; }
}

/// <summary>
/// Decision latency per month and per kecamatan or sector, in the same fixed buckets: the public statistics
/// show the median decision time of each district and sector without reading raw decisions.
/// </summary>
public sealed class MonthlyLatencyBucket
{
    public const string ByKecamatan = "kecamatan";
    public const string BySector = "sector";

    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; set; }

    /// <summary><see cref="ByKecamatan"/> or <see cref="BySector"/>.</summary>
    public string Dimension { get; set; } = string.Empty;

    public string Key { get; set; } = string.Empty;

    public int UpperBoundMs { get; set; }

    public long Count { get; set; }
}

/// <summary>
/// Notifications delivered per local day and channel, counted in the delivery's transaction. A day and channel has
/// <see cref="Slots"/> rows, and each delivery adds to one of them at random: with one row, every delivery job's
/// transaction queued on it until the one before had committed (52 ms, and 505 ms with the pickup folder, a call
/// under load). Readers add the slots up.
/// </summary>
public sealed class DailyDeliveryCount
{
    /// <summary>As many as the default number of delivery workers, so that they seldom meet on a row.</summary>
    public const int Slots = 16;

    public DateOnly Day { get; set; }

    public string Channel { get; set; } = string.Empty;

    public short Slot { get; set; }

    public long Delivered { get; set; }
}

/// <summary>
/// One decision's part of the counters, inserted in the decision's own transaction so that no two decisions
/// update the same row; the roll-up folds contributions into the counters in batches, exactly once, and the
/// reports add what is not yet folded in.
/// </summary>
public sealed class DecisionContribution
{
    public long Id { get; private set; }

    public DateOnly Day { get; private set; }

    /// <summary>The first day of <see cref="Day"/>'s month.</summary>
    public DateOnly Month { get; private set; }

    public string Kecamatan { get; private set; } = string.Empty;

    public string Sector { get; private set; } = string.Empty;

    public string PermitType { get; private set; } = string.Empty;

    public bool Approved { get; private set; }

    /// <summary>The latency bucket (<see cref="DailyLatencyBucket.UpperBoundsMs"/>) the decision falls in.</summary>
    public int UpperBoundMs { get; private set; }

    public static DecisionContribution Of(DateOnly day, string kecamatan, string sector, string permitType, bool approved, long latencyMs) => new()
    {
        Day = day,
        Month = new DateOnly(day.Year, day.Month, 1),
        Kecamatan = kecamatan,
        Sector = sector,
        PermitType = permitType,
        Approved = approved,
        UpperBoundMs = DailyLatencyBucket.BucketOf(latencyMs),
    };
}

/// <summary>One failed requirement of one decision, waiting to be folded into <see cref="DailyRequirementFailure"/>.</summary>
public sealed class RequirementFailureContribution
{
    public long Id { get; private set; }

    public DateOnly Day { get; private set; }

    public string RequirementId { get; private set; } = string.Empty;

    public static RequirementFailureContribution Of(DateOnly day, string requirementId) => new() { Day = day, RequirementId = requirementId };
}
