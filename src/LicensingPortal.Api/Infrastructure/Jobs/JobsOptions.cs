using System.ComponentModel.DataAnnotations;

namespace LicensingPortal.Api.Infrastructure.Jobs;

public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>Run a Hangfire server inside the API process (the default); false for an API-only instance beside workers.</summary>
    public bool RunServer { get; set; } = true;

    /// <summary>
    /// Hand each committed notification to the job queue at once (the default). False leaves them to the outbox
    /// sweep of whichever instance runs it (a minute later): an instance that must not write to a shared queue,
    /// and the tests' model of a process that died between the commit and the enqueue.
    /// </summary>
    public bool EnqueueOnCommit { get; set; } = true;

    /// <summary>
    /// Delivery is I/O-bound (SMTP, webhooks), so more workers than cores pay off: with 16, a burst's e-mails leave
    /// as fast as its submissions are accepted on two cores; with 8 they fell behind. Each e-mail costs the same CPU
    /// with 2, 4 or 16 workers, and a slow receiver holds a worker until its timeout, so 16 is kept (docs/benchmarks.md).
    /// </summary>
    [Range(1, 200, ErrorMessage = "Jobs:WorkerCount must be between 1 and 200.")]
    public int WorkerCount { get; set; } = 16;

    /// <summary>How often the outbox sweep runs (cron: five fields).</summary>
    [RegularExpression(@"^\s*\S+(\s+\S+){4,5}\s*$", ErrorMessage = "Jobs:SweepCron must be a cron expression of five fields.")]
    [Required(AllowEmptyStrings = false, ErrorMessage = "Jobs:SweepCron must be a cron expression of five fields.")]
    public string SweepCron { get; set; } = "*/1 * * * *";

    /// <summary>How often an idle server asks PostgreSQL for new jobs. Low idle load matters more than a second of latency.</summary>
    [Range(1, 3600, ErrorMessage = "Jobs:PollIntervalSeconds must be between 1 and 3600.")]
    public int PollIntervalSeconds { get; set; } = 5;
}
