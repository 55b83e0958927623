using System.ComponentModel.DataAnnotations;

namespace LicensingPortal.Api.Infrastructure.Auth;

public sealed class BootstrapOptions : IValidatableObject
{
    public const string Section = "Bootstrap";

    /// <summary>The first Admin of a production instance, created on start when no Admin exists yet.</summary>
    [EmailAddress(ErrorMessage = "Bootstrap:AdminEmail must be an e-mail address.")]
    public string? AdminEmail { get; set; }

    public string? AdminPassword { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrEmpty(AdminEmail) != string.IsNullOrEmpty(AdminPassword))
        {
            yield return new ValidationResult("Bootstrap:AdminEmail and Bootstrap:AdminPassword go together.", [nameof(AdminEmail)]);
        }
    }
}
