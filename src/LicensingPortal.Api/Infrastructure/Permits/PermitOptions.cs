using System.ComponentModel.DataAnnotations;

namespace LicensingPortal.Api.Infrastructure.Permits;

public sealed class PermitOptions : IValidatableObject
{
    public const string Section = "Permits";

    /// <summary>Base64 HMAC-SHA256 key (32 bytes or more) that signs verification codes. Generated in the data folder by the embedded default.</summary>
    public string? SigningKey { get; set; }

    /// <summary>The public address printed in QR codes (e.g. https://izin.kupangkota.go.id); by default the app's own address.</summary>
    public string? PublicBaseUrl { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(SigningKey) && (Base64Length(SigningKey) is not { } length || length < 32))
        {
            yield return new ValidationResult("Permits:SigningKey must be base64 of 32 bytes or more.", [nameof(SigningKey)]);
        }

        if (!string.IsNullOrWhiteSpace(PublicBaseUrl) && !(Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            yield return new ValidationResult("Permits:PublicBaseUrl must be an absolute http(s) address.", [nameof(PublicBaseUrl)]);
        }
    }

    /// <summary>The number of bytes a base64 text decodes to, or null when it is not base64.</summary>
    public static int? Base64Length(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text.Trim(), buffer, out var written) ? written : null;
    }
}
