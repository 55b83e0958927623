namespace LicensingPortal.Rules.Compilation;

/// <summary>
/// The date arithmetic rules use (a start date plus n years, months or days), held at the calendar's first and last
/// day instead of throwing: a date near either end (which no validated application carries) still ends in a decision.
/// Within the calendar it is exactly <see cref="DateOnly.AddYears"/>, <see cref="DateOnly.AddMonths"/> and
/// <see cref="DateOnly.AddDays"/>, so decisions replay unchanged.
/// </summary>
public static class DateShift
{
    public static DateOnly Years(DateOnly date, int years) => Months(date, (int)Math.Clamp(years * 12L, int.MinValue, int.MaxValue));

    public static DateOnly Months(DateOnly date, int months)
    {
        var target = (date.Year * 12L) + date.Month - 1 + months;
        if (target < 12)
        {
            return DateOnly.MinValue;
        }

        return target >= 10_000 * 12L ? DateOnly.MaxValue : date.AddMonths(months);
    }

    public static DateOnly Days(DateOnly date, int days)
    {
        var target = (long)date.DayNumber + days;
        return target < DateOnly.MinValue.DayNumber ? DateOnly.MinValue
            : target > DateOnly.MaxValue.DayNumber ? DateOnly.MaxValue
            : date.AddDays(days);
    }
}
