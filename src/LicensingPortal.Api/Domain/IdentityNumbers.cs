using System.Globalization;

namespace LicensingPortal.Api.Domain;

/// <summary>
/// Structural checks of Indonesian identity numbers. Neither has a public check digit, so a structurally
/// valid number may still not exist; OSS confirms it against the civil and tax registries.
/// </summary>
public static class IdentityNumbers
{
    /// <summary>NIK: 16 digits = province (2) + regency/city (2) + kecamatan (2) + DDMMYY birth date (women: day + 40) + serial (4).</summary>
    /// <summary>A number as typed, without the spaces, dots and hyphens people write in it ("5371 0441 …"); null stays null.</summary>
    public static string? Digits(string? number) =>
        number is null ? null : string.Concat(number.Where(c => c is not (' ' or '.' or '-' or '\u00a0')));

    public static bool IsStructurallyValidNik(string nik)
    {
        if (nik is not { Length: 16 } || !nik.All(char.IsAsciiDigit))
        {
            return false;
        }

        var province = int.Parse(nik.AsSpan(0, 2), CultureInfo.InvariantCulture);
        var regency = int.Parse(nik.AsSpan(2, 2), CultureInfo.InvariantCulture);
        var district = int.Parse(nik.AsSpan(4, 2), CultureInfo.InvariantCulture);
        var day = int.Parse(nik.AsSpan(6, 2), CultureInfo.InvariantCulture);
        var month = int.Parse(nik.AsSpan(8, 2), CultureInfo.InvariantCulture);
        var year = int.Parse(nik.AsSpan(10, 2), CultureInfo.InvariantCulture);
        if (day > 40)
        {
            day -= 40;
        }

        return province >= 11 && regency > 0 && district > 0 && IsBirthDate(day, month, year) && nik[12..] != "0000";
    }

    /// <summary>A DDMMYY birth date that exists in the calendar in 19YY or 20YY (29 February needs a leap year).</summary>
    private static bool IsBirthDate(int day, int month, int year) =>
        month is >= 1 and <= 12 && day >= 1 && (day <= DateTime.DaysInMonth(1900 + year, month) || day <= DateTime.DaysInMonth(2000 + year, month));

    /// <summary>NPWP: 15 digits (the form before 2024) or 16 digits (since 2024; the NIK for individuals).</summary>
    public static bool IsStructurallyValidNpwp(string npwp) => npwp is { Length: 15 or 16 } && npwp.All(char.IsAsciiDigit);
}
