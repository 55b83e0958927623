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

    /// <summary>The instant (in UTC) a day in Kupang begins: a period of days runs from its first day's start to the day after its last's.</summary>
    public static DateTimeOffset StartOf(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Offset).ToUniversalTime();

    /// <summary>The day and time a clock in Kupang showed at <paramref name="instant"/> (as a workbook stores a moment).</summary>
    public static DateTime ClockOf(DateTimeOffset instant) => instant.ToOffset(Offset).DateTime;

    /// <summary>
    /// The working day <paramref name="days"/> working days after <paramref name="from"/>, Monday to Friday (a day
    /// counted by the law on government administration, "hari kerja"). Public holidays are not known here: a deadline
    /// counted across one comes a day early, which is kept as the office's own deadline and never cut from a citizen's
    /// (see <see cref="Objection.LastDayToFile"/>).
    /// </summary>
    public static DateOnly AddWorkingDays(DateOnly from, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var day = from;
        while (days > 0)
        {
            day = day.AddDays(1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                days--;
            }
        }

        return day;
    }
}
