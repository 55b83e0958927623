using System.Globalization;

namespace LicensingPortal.Api.Infrastructure.Web;

/// <summary>
/// Numbers as people type them into a form, in either language: "Rp 1.250.000", "1,250,000" and "1250000" are the
/// same whole amount; a coordinate takes a dot or a comma as its decimal mark. What is not a number is said so at
/// the field; everything else is checked by the use case.
/// </summary>
public static class FormNumbers
{
    /// <summary>A whole number (square metres, people, rupiah), ignoring "Rp", spaces and thousands separators; null when empty.</summary>
    public static bool TryWhole(string? text, out long? value) => TryWhole(text, words: false, out value);

    /// <summary>
    /// An amount of rupiah as people write it: as <see cref="TryWhole(string?, out long?)"/>, and with the words for
    /// thousands, millions and billions ("300rb", "300 ribu", "1,5 juta", "2 miliar", "300k"); null when empty.
    /// </summary>
    public static bool TryRupiah(string? text, out long? value) => TryWhole(text, words: true, out value);

    private static bool TryWhole(string? text, bool words, out long? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var digits = text.Trim();
        if (digits.StartsWith("Rp", StringComparison.OrdinalIgnoreCase))
        {
            digits = digits[2..].TrimStart('.', ' ', '\u00a0');
        }

        digits = digits.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\u00a0", string.Empty, StringComparison.Ordinal);
        if (digits.EndsWith(",-", StringComparison.Ordinal))
        {
            digits = digits[..^2];
        }

        var (number, times) = words ? Multiplier(digits) : (digits, 1L);
        if (times > 1)
        {
            return TryTimes(number, times, out value);
        }

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

        // Every other mark groups thousands: "1,5" is not fifteen.
        var groups = digits.Split('.', ',');
        digits = string.Concat(groups);
        if (groups.Skip(1).All(g => g.Length == 3) && digits.Length is > 0 and <= 18 && digits.All(char.IsAsciiDigit))
        {
            value = long.Parse(digits, CultureInfo.InvariantCulture);
            return true;
        }

        return false;
    }

    /// <summary>The words for thousands, millions and billions people write after a number, longest first.</summary>
    private static readonly (string Word, long Times)[] Words =
    [
        ("miliar", 1_000_000_000L), ("milyar", 1_000_000_000L), ("billion", 1_000_000_000L), ("juta", 1_000_000L),
        ("million", 1_000_000L), ("ribu", 1_000L), ("thousand", 1_000L), ("jt", 1_000_000L), ("rb", 1_000L), ("k", 1_000L),
    ];

    /// <summary>
    /// The number before a word for thousands, millions or billions, and what the word multiplies it by (1 without
    /// one). A lone capital M is the reader's: miliar (10⁹) on an Indonesian page, a million on an English one; a small
    /// m is not read (metres or minutes as often as money).
    /// </summary>
    private static (string Number, long Times) Multiplier(string text)
    {
        foreach (var (word, times) in Words)
        {
            if (text.Length > word.Length && text.EndsWith(word, StringComparison.OrdinalIgnoreCase))
            {
                return (text[..^word.Length], times);
            }
        }

        var capitalM = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "id" ? 1_000_000_000L : 1_000_000L;
        return text.Length > 1 && text[^1] == 'M' ? (text[..^1], capitalM) : (text, 1);
    }

    /// <summary>
    /// A number before a word ("1,5 juta", "1.250 ribu"): a lone mark followed by one or two digits is the decimal
    /// mark, every other mark groups thousands (three digits after it); the amount must come out whole.
    /// </summary>
    private static bool TryTimes(string number, long times, out long? value)
    {
        value = null;
        var groups = number.Split('.', ',');
        string whole;
        var fraction = string.Empty;
        if (groups.Length == 2 && groups[1].Length is 1 or 2)
        {
            (whole, fraction) = (groups[0], groups[1]);
        }
        else if (groups.Skip(1).All(g => g.Length == 3))
        {
            whole = string.Concat(groups);
        }
        else
        {
            return false;
        }

        if (whole.Length is 0 or > 12 || !whole.All(char.IsAsciiDigit) || !fraction.All(char.IsAsciiDigit))
        {
            return false;
        }

        var amount = decimal.Parse(fraction.Length == 0 ? whole : $"{whole}.{fraction}", CultureInfo.InvariantCulture) * times;
        if (amount != decimal.Truncate(amount) || amount > long.MaxValue)
        {
            return false;
        }

        value = (long)amount;
        return true;
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
