using System.ComponentModel.DataAnnotations;
using LicensingPortal.Api.Infrastructure.Permits;

namespace LicensingPortal.Api.Infrastructure.Transparency;

public sealed class TransparencyOptions : IValidatableObject
{
    public const string Section = "Transparency";

    /// <summary>Base64 Ed25519 private key (the 32-byte seed) that signs checkpoints. Generated in the data folder by the embedded default.</summary>
    public string? SigningKey { get; set; }

    /// <summary>The longest time between an entry's commit and its integration that a signed promise guarantees.</summary>
    public const int MaxMergeDelaySeconds = 5;

    /// <summary>How often the integrator looks for committed entries (it goes again at once after a full batch).</summary>
    [Range(10, 5000, ErrorMessage = "Transparency:IntegrateEveryMs must be between 10 and 5000 milliseconds.")]
    public int IntegrateEveryMs { get; set; } = 250;

    /// <summary>The most entries one integration gives places to.</summary>
    [Range(1, 100_000, ErrorMessage = "Transparency:IntegrateBatch must be between 1 and 100000.")]
    public int IntegrateBatch { get; set; } = 1_000;

    /// <summary>Whether this instance takes part in electing the integrator (and the report roll-up); off for instances that only serve reads.</summary>
    public bool Integrate { get; set; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(SigningKey) && PermitOptions.Base64Length(SigningKey) != 32)
        {
            yield return new ValidationResult("Transparency:SigningKey must be base64 of a 32-byte Ed25519 seed.", [nameof(SigningKey)]);
        }
    }
}
