using Microsoft.AspNetCore.Identity;

namespace LicensingPortal.Api.Domain;

/// <summary>An account: applicants register themselves; officers, the mayor's office and admins are created by an admin.</summary>
public sealed class ApplicationUser : IdentityUser<Guid>
{
    /// <summary>"id" (Bahasa Indonesia, the default) or "en": the language of notifications.</summary>
    public string PreferredLanguage { get; set; } = "id";
}
