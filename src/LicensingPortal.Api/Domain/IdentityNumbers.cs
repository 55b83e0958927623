using System.Globalization;

namespace LicensingPortal.Api.Domain;

/// <summary>
/// Structural checks of Indonesian identity numbers. Neither has a public check digit, so a structurally
/// valid number may still not exist; OSS confirms it against the civil and tax registries.
/// </summary>
public static class IdentityNumbers
{
    /// <summary>NIK: 16 digits = province (2) + regency/city (2) + kecamatan (2) + DDMMYY birth date (women: day + 40) + serial (4).</summary>
    public static bool IsStructurallyValidNik(string nik)
    {
        if (nik is not { Length: 16 } || !nik.All(char.IsAsciiDigit))
        {
            return false;
        }

        var province = int.Parse(nik.AsSpan(0, 2), CultureInfo.InvariantCulture);
        var day = int.Parse(nik.AsSpan(6, 2), CultureInfo.InvariantCulture);
        var month = int.Parse(nik.AsSpan(8, 2), CultureInfo.InvariantCulture);
        if (day > 40)
        {
            day -= 40;
        }

        return province >= 11 && day is >= 1 and <= 31 && month is >= 1 and <= 12 && nik[12..] != "0000";
    }

    /// <summary>NPWP: 15 digits (the form before 2024) or 16 digits (since 2024; the NIK for individuals).</summary>
    public static bool IsStructurallyValidNpwp(string npwp) => npwp is { Length: 15 or 16 } && npwp.All(char.IsAsciiDigit);
}
