using Hangfire;
using LicensingPortal.Api.Features.Audit;
using LicensingPortal.Api.Features.Notifications;
using LicensingPortal.Api.Infrastructure.Jobs;

namespace LicensingPortal.Api.Hosting;

/// <summary>The job queue behind <see cref="IJobScheduler"/>: Hangfire, running the features' jobs.</summary>
public sealed partial class HangfireJobScheduler(IBackgroundJobClient client, ILogger<HangfireJobScheduler> logger) : IJobScheduler
{
    public void EnqueueOutboxDelivery(Guid outboxMessageId)
    {
        try
        {
            client.Enqueue<DeliverNotification.Job>(job => job.RunAsync(outboxMessageId, CancellationToken.None));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The row is committed: the recurring sweep enqueues it later. The applicant already has the decision.
            LogEnqueueFailed(logger, ex, outboxMessageId);
        }
    }

    public void EnqueueOutboxDeliveries(IReadOnlyList<Guid> outboxMessageIds)
    {
        ArgumentNullException.ThrowIfNull(outboxMessageIds);
        if (outboxMessageIds.Count == 1)
        {
            EnqueueOutboxDelivery(outboxMessageIds[0]);
            return;
        }

        var ids = outboxMessageIds.ToArray();
        try
        {
            client.Enqueue<DeliverNotification.Job>(job => job.RunManyAsync(ids, CancellationToken.None));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            foreach (var id in ids)
            {
                LogEnqueueFailed(logger, ex, id);
            }
        }
    }

    public void ScheduleOutboxDelivery(Guid outboxMessageId, DateTimeOffset at)
    {
        try
        {
            client.Schedule<DeliverNotification.Job>(job => job.RunAsync(outboxMessageId, CancellationToken.None), at);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogEnqueueFailed(logger, ex, outboxMessageId);
        }
    }

    public void EnqueueWhatIf(Guid runId) => client.Enqueue<RunWhatIf.Job>(job => job.RunAsync(runId, CancellationToken.None));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not enqueue delivery of outbox message {OutboxMessageId}; the sweep will retry")]
    private static partial void LogEnqueueFailed(ILogger logger, Exception exception, Guid outboxMessageId);
}
