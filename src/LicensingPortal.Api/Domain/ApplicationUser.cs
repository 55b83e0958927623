using Microsoft.AspNetCore.Identity;

namespace LicensingPortal.Api.Domain;

/// <summary>An account: applicants register themselves; officers, the mayor's office and admins are created by an admin.</summary>
public sealed class ApplicationUser : IdentityUser<Guid>
{
    /// <summary>"id" (Bahasa Indonesia, the default) or "en": the language of notifications.</summary>
    public string PreferredLanguage { get; set; } = Languages.Indonesian;

    /// <summary>Whether decisions and permit notices also go out by e-mail (the in-app inbox always has them).</summary>
    public bool EmailNotifications { get; set; } = true;

    /// <summary>An HTTPS address the applicant registered to receive signed webhooks, if any.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>The secret webhooks to this account are signed with (HMAC-SHA256).</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>When an administrator deactivated this staff account: it cannot sign in, and what it was issued stops working.</summary>
    public DateTimeOffset? DeactivatedAt { get; set; }

    /// <summary>Whether the account may sign in (not deactivated).</summary>
    public bool IsActive => DeactivatedAt is null;
}
