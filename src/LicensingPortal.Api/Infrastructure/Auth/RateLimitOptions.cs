using System.ComponentModel.DataAnnotations;

namespace LicensingPortal.Api.Infrastructure.Auth;

public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Register, log-in, refresh and password requests per client address and window.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "RateLimits:AuthPermitLimit must be at least 1.")]
    public int AuthPermitLimit { get; set; } = 10;

    /// <summary>Applications submitted (or pre-checked) per account and window.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "RateLimits:SubmissionPermitLimit must be at least 1.")]
    public int SubmissionPermitLimit { get; set; } = 20;

    /// <summary>Pre-checks per account and window: the pages check as the applicant goes, so more than submissions.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "RateLimits:PrecheckPermitLimit must be at least 1.")]
    public int PrecheckPermitLimit { get; set; } = 120;

    /// <summary>Public statistics requests per client address and window.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "RateLimits:PublicPermitLimit must be at least 1.")]
    public int PublicPermitLimit { get; set; } = 120;

    /// <summary>
    /// Reports of demands for money per client address (or account) and report window, and as many checks of their
    /// answers, counted apart. Counted in each process's memory, never in the database, so no row ties an anonymous
    /// reporter's address to the time of a report. Generous, since many phones share one mobile network's address.
    /// </summary>
    [Range(1, int.MaxValue, ErrorMessage = "RateLimits:ReportPermitLimit must be at least 1.")]
    public int ReportPermitLimit { get; set; } = 30;

    [Range(1, 86400, ErrorMessage = "RateLimits:ReportWindowSeconds must be between 1 and 86400.")]
    public int ReportWindowSeconds { get; set; } = 3600;

    /// <summary>
    /// How many megabytes of evidence the service takes in a day (WITA) from reporters not signed in, all of them
    /// together: anyone may send files without an account, so a flood of them could fill the disk the documents share.
    /// Past it, such files wait for the next day (the report itself still goes); signed-in reporters are not counted.
    /// </summary>
    [Range(1, int.MaxValue, ErrorMessage = "RateLimits:AnonymousEvidenceMegabytesPerDay must be at least 1.")]
    public int AnonymousEvidenceMegabytesPerDay { get; set; } = 2048;

    /// <summary>
    /// On PostgreSQL, count the sign-in, submission and pre-check limits in the database, so they hold for the whole
    /// service whichever node answers (ADR 0021). False counts per process: only for a lone node.
    /// </summary>
    public bool Shared { get; set; } = true;

    [Range(1, 86400, ErrorMessage = "RateLimits:WindowSeconds must be between 1 and 86400.")]
    public int WindowSeconds { get; set; } = 60;
}
