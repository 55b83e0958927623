using System.Globalization;

namespace LicensingPortal.Api.Infrastructure.Web;

/// <summary>
/// Numbers as people type them into a form, in either language: "Rp 1.250.000", "1,250,000" and "1250000" are the
/// same whole amount; a coordinate takes a dot or a comma as its decimal mark. What is not a number is said so at
/// the field; everything else is checked by the use case.
/// </summary>
public static class FormNumbers
{
    /// <summary>A whole number (rupiah, square metres, people), ignoring "Rp", spaces and thousands separators; null when empty.</summary>
    public static bool TryWhole(string? text, out long? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var digits = text.Trim();
        if (digits.StartsWith("Rp", StringComparison.OrdinalIgnoreCase))
        {
            digits = digits[2..];
        }

        digits = digits.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\u00a0", string.Empty, StringComparison.Ordinal);
        // Thousands are grouped in threes, so a mark before the last two digits is a decimal one ("Rp500.000,00",
        // "500,000.00"): zero cents are the whole amount; other cents are not a whole number.
        if (digits.Length > 3 && digits[^3] is '.' or ',')
        {
            if (digits[^2..] != "00")
            {
                return false;
            }

            digits = digits[..^3];
        }

        digits = digits.Replace(".", string.Empty, StringComparison.Ordinal).Replace(",", string.Empty, StringComparison.Ordinal);
        if (digits.Length is > 0 and <= 18 && digits.All(char.IsAsciiDigit))
        {
            value = long.Parse(digits, CultureInfo.InvariantCulture);
            return true;
        }

        return false;
    }

    /// <summary>A decimal coordinate such as -10.1612 or -10,1612; null when empty.</summary>
    public static bool TryCoordinate(string? text, out decimal? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (decimal.TryParse(text.Trim().Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }

    /// <summary>How a whole number is shown back in a form field: digits with the reader's thousands separators.</summary>
    public static string? Show(long? value) => value?.ToString("#,0", CultureInfo.CurrentCulture);

    public static string? Show(decimal? value) => value?.ToString("0.######", CultureInfo.InvariantCulture);
}
