using LicensingPortal.Api.Infrastructure.Jobs;

namespace LicensingPortal.Api.Features.Notifications;

/// <summary>
/// The recurring job that makes up for lost enqueues: a message committed but never delivered (the process
/// died before its job ran, or the job store lost it) is enqueued again. Fresh messages are left to their own
/// job for a grace period, so the sweep does not race them.
/// </summary>
public static partial class SweepOutbox
{
    public const string RecurringJobId = "outbox-sweep";
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(1);
    public const int BatchSize = 500;

    /// <summary>The undelivered messages due for an attempt that no worker holds, oldest first.</summary>
    public sealed record Query : IQuery<Result<IReadOnlyList<Guid>>>;

    public sealed class Handler(LicensingDbContext db, TimeProvider time) : IQueryHandler<Query, Result<IReadOnlyList<Guid>>>
    {
        public async ValueTask<Result<IReadOnlyList<Guid>>> Handle(Query query, CancellationToken cancellationToken)
        {
            var now = time.GetUtcNow();
            var createdBefore = now - Grace;
            return await db.OutboxMessages.AsNoTracking()
                .Where(m => m.ProcessedAt == null && m.DeadLetteredAt == null && m.CreatedAt < createdBefore
                    && (m.LockedUntil == null || m.LockedUntil < now) && (m.NextAttemptAt == null || m.NextAttemptAt <= now))
                .OrderBy(m => m.CreatedAt)
                .Select(m => m.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
        }
    }

    public sealed partial class Job(ISender sender, IJobScheduler jobs, ILogger<Job> logger)
    {
        public async Task RunAsync(CancellationToken cancellationToken)
        {
            var pending = (await sender.Send(new Query(), cancellationToken)).Value;
            foreach (var id in pending)
            {
                jobs.EnqueueOutboxDelivery(id);
            }

            if (pending.Count > 0)
            {
                LogReenqueued(logger, pending.Count);
            }
        }

        [LoggerMessage(Level = LogLevel.Information, Message = "Outbox sweep re-enqueued {Count} undelivered messages")]
        private static partial void LogReenqueued(ILogger logger, int count);
    }
}
