using System.ComponentModel.DataAnnotations;

namespace LicensingPortal.Api.Features.Help;

/// <summary>
/// Whom an applicant can ask, and where anyone reports a demand for money: configuration, not code, since numbers and
/// addresses change. The defaults are placeholders for the embedded default and say so; a city sets its own.
/// </summary>
public sealed class ServiceContactsOptions
{
    public const string Section = "Contacts";

    [Required, MaxLength(200)]
    public string Office { get; set; } = "DPMPTSP Kota Kupang";

    [Required, MaxLength(300)]
    public string Address { get; set; } = "Jl. S. K. Lerik, Kelapa Lima, Kota Kupang (contoh / example)";

    [Required, MaxLength(40)]
    public string Phone { get; set; } = "(0380) 000 000 (contoh / example)";

    [Required, MaxLength(40)]
    public string WhatsApp { get; set; } = "0812 0000 0000 (contoh / example)";

    [Required, EmailAddress, MaxLength(200)]
    public string Email { get; set; } = "layanan@kupang.example";

    /// <summary>The opening hours in Bahasa Indonesia and in English.</summary>
    [Required, MaxLength(200)]
    public string HoursId { get; set; } = "Senin sampai Jumat, pukul 08.00 sampai 15.00 WITA";

    [Required, MaxLength(200)]
    public string HoursEn { get; set; } = "Monday to Friday, 8 am to 3 pm (WITA)";

    /// <summary>The national public-service complaint channel, which takes reports of unofficial payments (pungli).</summary>
    [Required, Url]
    public string LaporUrl { get; set; } = "https://www.lapor.go.id";

    [Required, MaxLength(300)]
    public string Inspectorate { get; set; } = "Inspektorat Kota Kupang, (0380) 000 001 (contoh / example)";

    [Required, MaxLength(300)]
    public string Ombudsman { get; set; } = "Ombudsman RI Perwakilan Nusa Tenggara Timur, (0380) 000 002 (contoh / example)";

    /// <summary>The phone number as a tap dials it ("tel:0380833102"); null while it is a placeholder or not one number.</summary>
    public string? PhoneLink() => Dialled(Phone) is { } number ? "tel:" + number : null;

    /// <summary>The WhatsApp number as wa.me opens a chat with it (international, no "+" or leading 0); null while it is a placeholder or not one number.</summary>
    public string? WhatsAppLink() => Dialled(WhatsApp)?.TrimStart('+') is { } number ? "https://wa.me/" + (number.StartsWith('0') ? "62" + number[1..] : number) : null;

    /// <summary>The e-mail address as a tap writes to it; null while it is at the reserved .example domain (no one reads it).</summary>
    public string? EmailLink() => IsExampleAddress(Email) ? null : "mailto:" + Email;

    private static bool IsExampleAddress(string address) => address.EndsWith(".example", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A number as a phone dials it: its digits, "+" kept in front of an international one. Null for a placeholder
    /// (an example must not ring anyone) or for what cannot be one number (fewer than 8 or more than 15 digits).
    /// </summary>
    private static string? Dialled(string shown)
    {
        var digits = new string([.. shown.Where(char.IsAsciiDigit)]);
        return shown.Contains(ExampleMark, StringComparison.Ordinal) || digits.Length is < 8 or > 15 ? null
            : shown.TrimStart().StartsWith('+') ? "+" + digits : digits;
    }

    /// <summary>How a placeholder says it is one; an address at the reserved .example domain is one too.</summary>
    private const string ExampleMark = "(contoh / example)";

    /// <summary>The settings that still hold a placeholder (Contacts:Phone, ...): what an operator has yet to set.</summary>
    public IReadOnlyList<string> Placeholders() =>
    [
        .. new[] { (nameof(Address), Address), (nameof(Phone), Phone), (nameof(WhatsApp), WhatsApp), (nameof(Inspectorate), Inspectorate), (nameof(Ombudsman), Ombudsman) }
            .Where(setting => setting.Item2.Contains(ExampleMark, StringComparison.Ordinal))
            .Select(setting => $"{Section}:{setting.Item1}"),
        .. IsExampleAddress(Email) ? new[] { $"{Section}:{nameof(Email)}" } : [],
    ];
}
