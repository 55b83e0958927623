namespace LicensingPortal.Api.Domain;

/// <summary>What kind of day off a holiday is, as the joint decree (SKB) of three ministers lists them each year.</summary>
public enum HolidayKind
{
    /// <summary>A national public holiday (hari libur nasional).</summary>
    National,

    /// <summary>Joint leave (cuti bersama): government offices are closed, so it is no working day either.</summary>
    JointLeave,
}

/// <summary>A day in Kupang that is not a working day although it is a weekday: a national holiday or joint leave.</summary>
public sealed class Holiday
{
    public const int NameMaxLength = 120;

    private Holiday()
    {
    }

    public DateOnly Date { get; private set; }

    /// <summary>Its name as the decree gives it, in Indonesian (a proper name: "Idul Fitri 1447 Hijriah").</summary>
    public string Name { get; private set; } = string.Empty;

    public HolidayKind Kind { get; private set; }

    public static Holiday On(DateOnly date, string name, HolidayKind kind)
    {
        ArgumentNullException.ThrowIfNull(name);
        return new Holiday { Date = date, Name = name.Trim(), Kind = kind };
    }
}

/// <summary>
/// A year whose holidays are known: set at once from the year's joint decree, by an administrator or by the
/// service's own migration. Until a year is known, deadlines counted in working days across it leave holidays out,
/// and a citizen's time is lengthened instead (<see cref="Objection.HolidayMarginDays"/>).
/// </summary>
public sealed class HolidayYear
{
    public const int BasisMaxLength = 300;

    /// <summary>A year's first and last day: its holidays are the ones between them.</summary>
    public static (DateOnly First, DateOnly Last) DaysOf(int year) => (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    private HolidayYear()
    {
    }

    public int Year { get; private set; }

    /// <summary>The decree the year's holidays come from ("SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB Nomor …").</summary>
    public string Basis { get; private set; } = string.Empty;

    /// <summary>The administrator who set the year; none when the service's own migration did.</summary>
    public Guid? SetBy { get; private set; }

    public DateTimeOffset SetAt { get; private set; }

    public static HolidayYear Set(int year, string basis, Guid? setBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(basis);
        return new HolidayYear { Year = year, Basis = basis.Trim(), SetBy = setBy, SetAt = now };
    }

    public void Reset(string basis, Guid setBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(basis);
        (Basis, SetBy, SetAt) = (basis.Trim(), setBy, now);
    }
}

/// <summary>
/// Kupang's working days (hari kerja): Monday to Friday, less the national holidays and joint leave of the years
/// whose holidays are known. Deadlines the law counts in working days (UU 30/2014) are counted here.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly HashSet<DateOnly> holidays;
    private readonly Dictionary<int, DateTimeOffset> knownYears;

    /// <summary>A calendar whose <paramref name="knownYears"/> have always been known.</summary>
    public WorkingCalendar(IEnumerable<DateOnly> holidays, IEnumerable<int> knownYears)
        : this(holidays, knownYears.Select(year => (year, DateTimeOffset.MinValue)))
    {
    }

    /// <summary>A calendar whose known years were each set at an instant (<see cref="HolidayYear.SetAt"/>).</summary>
    public WorkingCalendar(IEnumerable<DateOnly> holidays, IEnumerable<(int Year, DateTimeOffset SetAt)> knownYears)
    {
        this.holidays = [.. holidays];
        this.knownYears = knownYears.ToDictionary(y => y.Year, y => y.SetAt);
    }

    /// <summary>Monday to Friday, no holiday known.</summary>
    public static WorkingCalendar Weekdays { get; } = new([], Array.Empty<int>());

    public bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(day);

    /// <summary>The working day <paramref name="days"/> working days after <paramref name="from"/> (the day itself not counted).</summary>
    public DateOnly AddWorkingDays(DateOnly from, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var day = from;
        while (days > 0)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                days--;
            }
        }

        return day;
    }

    /// <summary>
    /// Whether the holidays of every year from <paramref name="from"/> to <paramref name="to"/> were known at
    /// <paramref name="instant"/>: each set by then, and not set again since (a year set again may have moved a day).
    /// </summary>
    public bool KnewAt(DateOnly from, DateOnly to, DateTimeOffset instant) =>
        Enumerable.Range(from.Year, to.Year - from.Year + 1).All(year => knownYears.TryGetValue(year, out var setAt) && setAt <= instant);
}
