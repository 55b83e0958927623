namespace LicensingPortal.Api.Domain;

/// <summary>
/// An application's reference as a person reads it out over the phone: "LP-" and eight letters and digits in two
/// groups, from the random part of its id, in Crockford's base 32 (no I, L, O or U, so nothing is misheard).
/// </summary>
public static class ApplicationReference
{
    /// <summary>Crockford's base 32: no I, L, O or U, so nothing is misheard or misread.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>Letters and digits as typed, read as Crockford's base 32 reads them: upper case, O as 0, I and L as 1, nothing else kept.</summary>
    public static string AsTyped(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new string([.. text.ToUpperInvariant().Where(char.IsAsciiLetterOrDigit).Select(c => c switch { 'O' => '0', 'I' or 'L' => '1', _ => c })]);
    }

    public static string Of(Guid id) => Of(id, "LP");

    /// <summary>The same shape with another prefix, for other things people read out (a report of a demand for money: "PL-").</summary>
    public static string Of(Guid id, string prefix)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        var value = 0UL;
        for (var i = 11; i < 16; i++)
        {
            value = (value << 8) | bytes[i];
        }

        Span<char> text = stackalloc char[8];
        for (var i = 7; i >= 0; i--)
        {
            text[i] = Alphabet[(int)(value & 31)];
            value >>= 5;
        }

        return $"{prefix}-{text[..4]}-{text[4..]}";
    }

    /// <summary>
    /// The last ten hexadecimal digits of the ids a reference stands for (as typed or read out: any case, with or
    /// without "LP", dashes or spaces; the letter O read as zero and I or L as one, as Crockford's base 32 decodes
    /// them, since a reference never holds those letters); null when the text is not a reference.
    /// </summary>
    public static string? IdSuffixOf(string text) => IdSuffixOf(text, "LP");

    /// <summary>The same for a reference with another prefix.</summary>
    public static string? IdSuffixOf(string text, string prefix)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(prefix);
        var plain = Plain(text, prefix);
        if (plain.Length != 8)
        {
            return null;
        }

        var value = 0UL;
        foreach (var c in plain)
        {
            var digit = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (digit < 0)
            {
                return null;
            }

            value = (value << 5) | (uint)digit;
        }

        return value.ToString("x10", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A reference as typed, written as <see cref="Of(Guid, string)"/> writes it (call only when <see cref="IdSuffixOf(string, string)"/> read it).</summary>
    public static string Canonical(string text, string prefix)
    {
        var plain = Plain(text, prefix);
        return $"{prefix}-{plain[..4]}-{plain[4..]}";
    }

    /// <summary>The eight characters of a reference as typed: upper case, without the prefix, dashes or spaces, O read as 0 and I or L as 1.</summary>
    private static string Plain(string text, string prefix)
    {
        var plain = new string(text.ToUpperInvariant().Where(c => c != '-' && !char.IsWhiteSpace(c)).ToArray());
        // The prefix only in front of eight more: "LP3K…" typed for "1P3K…" (an L for a 1) is a reference without one.
        plain = plain.Length == prefix.Length + 8 && plain.StartsWith(prefix, StringComparison.Ordinal) ? plain[prefix.Length..] : plain;
        return new string([.. plain.Select(c => c switch { 'O' => '0', 'I' or 'L' => '1', _ => c })]);
    }
}
