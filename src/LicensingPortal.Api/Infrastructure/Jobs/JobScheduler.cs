using Hangfire;
using LicensingPortal.Api.Features.Notifications;

namespace LicensingPortal.Api.Infrastructure.Jobs;

/// <summary>Hides Hangfire from the features. Call it only after the write that the job depends on has committed.</summary>
public interface IJobScheduler
{
    void EnqueueOutboxDelivery(Guid outboxMessageId);

    void ScheduleOutboxDelivery(Guid outboxMessageId, DateTimeOffset at);
}

public sealed partial class HangfireJobScheduler(IBackgroundJobClient client, ILogger<HangfireJobScheduler> logger) : IJobScheduler
{
    public void EnqueueOutboxDelivery(Guid outboxMessageId)
    {
        try
        {
            client.Enqueue<DeliverOutboxMessage>(job => job.RunAsync(outboxMessageId, CancellationToken.None));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The row is committed: the recurring sweep enqueues it later. The applicant already has the decision.
            LogEnqueueFailed(logger, ex, outboxMessageId);
        }
    }

    public void ScheduleOutboxDelivery(Guid outboxMessageId, DateTimeOffset at)
    {
        try
        {
            client.Schedule<DeliverOutboxMessage>(job => job.RunAsync(outboxMessageId, CancellationToken.None), at);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogEnqueueFailed(logger, ex, outboxMessageId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not enqueue delivery of outbox message {OutboxMessageId}; the sweep will retry")]
    private static partial void LogEnqueueFailed(ILogger logger, Exception exception, Guid outboxMessageId);
}
