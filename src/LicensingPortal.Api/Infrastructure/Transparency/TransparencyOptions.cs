using System.ComponentModel.DataAnnotations;
using LicensingPortal.Api.Infrastructure.Permits;

namespace LicensingPortal.Api.Infrastructure.Transparency;

public sealed class TransparencyOptions : IValidatableObject
{
    public const string Section = "Transparency";

    /// <summary>Base64 Ed25519 private key (the 32-byte seed) that signs checkpoints. Generated in the data folder by the embedded default.</summary>
    public string? SigningKey { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(SigningKey) && PermitOptions.Base64Length(SigningKey) != 32)
        {
            yield return new ValidationResult("Transparency:SigningKey must be base64 of a 32-byte Ed25519 seed.", [nameof(SigningKey)]);
        }
    }
}
