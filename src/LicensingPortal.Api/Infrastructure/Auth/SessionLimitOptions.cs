using System.ComponentModel.DataAnnotations;

namespace LicensingPortal.Api.Infrastructure.Auth;

/// <summary>How long a staff account's session lasts: without activity, and at most (checked when the service starts).</summary>
public sealed class SessionLimitOptions : IValidatableObject
{
    public const string Section = "Sessions";

    [Range(1, 1440, ErrorMessage = "Sessions:StaffIdleMinutes must be between 1 and 1440.")]
    public int StaffIdleMinutes { get; set; } = 30;

    [Range(1, 72, ErrorMessage = "Sessions:StaffLongestHours must be between 1 and 72.")]
    public int StaffLongestHours { get; set; } = 12;

    public TimeSpan StaffIdle => TimeSpan.FromMinutes(StaffIdleMinutes);

    public TimeSpan StaffLongest => TimeSpan.FromHours(StaffLongestHours);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (StaffIdle > StaffLongest)
        {
            yield return new ValidationResult("Sessions:StaffIdleMinutes must not be longer than Sessions:StaffLongestHours.", [nameof(StaffIdleMinutes)]);
        }
    }
}
