namespace LicensingPortal.Api.Cli;

/// <summary>
/// The system clock shifted into the past for `seed demo`: each simulated submission runs with its own offset,
/// so every part of the submission (decision time, WITA date, rule set in force, log time, permit dates) sees
/// the same simulated moment, while elapsed-time measurements stay real.
/// </summary>
public sealed class DemoClock : TimeProvider
{
    private readonly AsyncLocal<TimeSpan> offset = new();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset.Value;

    public override TimeZoneInfo LocalTimeZone => System.LocalTimeZone;

    /// <summary>Makes the current async flow see <paramref name="moment"/> as now (plus real time passing).</summary>
    public void SetNow(DateTimeOffset moment) => offset.Value = moment - System.GetUtcNow();
}
