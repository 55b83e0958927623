using System.ComponentModel.DataAnnotations;

namespace LicensingPortal.Api.Infrastructure.Webhooks;

public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>Allow loopback, link-local and private addresses (for development and tests only).</summary>
    public bool AllowPrivateAddresses { get; set; }

    /// <summary>Allow plain http:// addresses (for development and tests only).</summary>
    public bool AllowInsecureHttp { get; set; }

    [Range(1, 300, ErrorMessage = "Webhooks:TimeoutSeconds must be between 1 and 300.")]
    public double TimeoutSeconds { get; set; } = 10;
}
