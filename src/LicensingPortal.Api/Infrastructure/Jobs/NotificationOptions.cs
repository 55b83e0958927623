using System.ComponentModel.DataAnnotations;

namespace LicensingPortal.Api.Infrastructure.Jobs;

public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>Attempts per notification before it is dead-lettered for an officer to send again.</summary>
    [Range(1, 100, ErrorMessage = "Notifications:MaxAttempts must be between 1 and 100.")]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>
    /// How long a worker holds the notifications it claimed: a worker that dies holding them leaves them to the
    /// outbox sweep once this has passed. Longer than the slowest delivery batch (SMTP and webhook timeouts).
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(10, 3600, ErrorMessage = "Notifications:LeaseSeconds must be between 10 and 3600.")]
    public int LeaseSeconds { get; set; } = 300;

    /// <summary>The first retry waits this long; each next one twice as long (with ±20% jitter), up to <see cref="RetryMaxSeconds"/>.</summary>
    [Range(0.01, 86400, ErrorMessage = "Notifications:RetryBaseSeconds must be between 0.01 and 86400.")]
    public double RetryBaseSeconds { get; set; } = 30;

    [Range(0.01, 604800, ErrorMessage = "Notifications:RetryMaxSeconds must be between 0.01 and 604800.")]
    public double RetryMaxSeconds { get; set; } = 3600;

    /// <summary>The delay before attempt <paramref name="failedAttempts"/> + 1, or null when no attempt is left.</summary>
    public TimeSpan? RetryDelay(int failedAttempts)
    {
        if (failedAttempts >= MaxAttempts)
        {
            return null;
        }

        var seconds = Math.Min(RetryMaxSeconds, RetryBaseSeconds * Math.Pow(2, failedAttempts - 1));
        var jitter = 0.8 + (Random.Shared.NextDouble() * 0.4);
        return TimeSpan.FromSeconds(seconds * jitter);
    }
}
