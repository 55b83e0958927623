namespace LicensingPortal.Api.Domain;

/// <summary>
/// Waktu Indonesia Tengah (Asia/Makassar), the local time of Kota Kupang: UTC+8 all year (Indonesia keeps no
/// daylight saving), so a fixed offset gives the same local day as the time zone database, without depending on it.
/// </summary>
public static class Wita
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Today(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return DateOf(time.GetUtcNow());
    }

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ClockOf(instant));

    /// <summary>
    /// The instant (in UTC) a day in Kupang begins: a period of days runs from its first day's start to
    /// <see cref="StartOfDayAfter"/> its last. The calendar's first day began before the first instant a
    /// <see cref="DateTimeOffset"/> holds (eight hours before midnight UTC): it is taken to begin at that instant.
    /// </summary>
    public static DateTimeOffset StartOf(DateOnly day) =>
        day == DateOnly.MinValue ? DateTimeOffset.MinValue : new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Offset).ToUniversalTime();

    /// <summary>The instant (in UTC) the day after <paramref name="day"/> begins in Kupang; after the calendar's last day, the last instant there is.</summary>
    public static DateTimeOffset StartOfDayAfter(DateOnly day) => day == DateOnly.MaxValue ? DateTimeOffset.MaxValue : StartOf(day.AddDays(1));

    /// <summary>The day and time a clock in Kupang showed at <paramref name="instant"/> (as a workbook stores a moment).</summary>
    public static DateTime ClockOf(DateTimeOffset instant) => instant.ToOffset(Offset).DateTime;
}
