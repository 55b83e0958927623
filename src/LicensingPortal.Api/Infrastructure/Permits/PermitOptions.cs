namespace LicensingPortal.Api.Infrastructure.Permits;

public sealed class PermitOptions
{
    public const string Section = "Permits";

    /// <summary>Base64 HMAC-SHA256 key (32 bytes or more) that signs verification codes. Generated in the data folder by the embedded default.</summary>
    public string? SigningKey { get; set; }

    /// <summary>The public address printed in QR codes (e.g. https://izin.kupangkota.go.id); by default the app's own address.</summary>
    public string? PublicBaseUrl { get; set; }
}
