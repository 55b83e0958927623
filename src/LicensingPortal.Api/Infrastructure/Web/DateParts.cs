using System.Globalization;

namespace LicensingPortal.Api.Infrastructure.Web;

/// <summary>
/// A date as people write it on a form: day, month and year in three boxes (the GOV.UK date input), in that order,
/// never a browser's date picker with its own (often US) order. Empty when all three are empty.
/// </summary>
public sealed class DateParts
{
    public string? Day { get; set; }

    public string? Month { get; set; }

    public string? Year { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    public static DateParts Of(DateOnly? date) => date is { } value
        ? new DateParts
        {
            Day = value.Day.ToString(CultureInfo.InvariantCulture),
            Month = value.Month.ToString(CultureInfo.InvariantCulture),
            Year = value.Year.ToString(CultureInfo.InvariantCulture),
        }
        : new DateParts();

    /// <summary>The date written, when it is one; false when any box is missing or the date does not exist (30 February).</summary>
    public bool TryRead(out DateOnly date)
    {
        date = default;
        return int.TryParse(Day?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            && int.TryParse(Month?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            && int.TryParse(Year?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && year is >= 1900 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            && (date = new DateOnly(year, month, day)) != default;
    }
}
