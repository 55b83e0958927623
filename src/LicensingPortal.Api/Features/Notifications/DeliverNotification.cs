using Hangfire;
using LicensingPortal.Api.Features.Reports;
using LicensingPortal.Api.Infrastructure.Email;
using LicensingPortal.Api.Infrastructure.Jobs;
using LicensingPortal.Api.Infrastructure.Webhooks;
using Microsoft.Extensions.Options;

namespace LicensingPortal.Api.Features.Notifications;

/// <summary>
/// Delivers one outbox message on its channel, in three steps: claim the row for a short lease (a conditional
/// update, so two workers never send it at the same time), send it outside any transaction, then record the
/// outcome. Every attempt carries the message id (e-mail Message-ID, webhook id header) so a receiver can drop a
/// repeat. A failure is retried with exponential backoff and jitter; after the last attempt the message is
/// dead-lettered for an officer.
/// </summary>
public static partial class DeliverNotification
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>Takes the message for one attempt; fails with not_found when it is delivered, dead-lettered or held by another worker.</summary>
    public sealed record Claim(Guid OutboxMessageId) : ICommand<Result<OutboxMessage>>;

    public sealed record RecordDelivered(Guid OutboxMessageId) : ICommand<Result<Guid>>;

    public sealed record RecordFailed(Guid OutboxMessageId, string Error) : ICommand<Result<TimeSpan?>>;

    public sealed class ClaimHandler(LicensingDbContext db, TimeProvider time) : ICommandHandler<Claim, Result<OutboxMessage>>
    {
        public async ValueTask<Result<OutboxMessage>> Handle(Claim command, CancellationToken cancellationToken)
        {
            var now = time.GetUtcNow();
            var leaseEnd = now + Lease;
            var claimed = await db.OutboxMessages
                .Where(m => m.Id == command.OutboxMessageId && m.ProcessedAt == null && m.DeadLetteredAt == null && (m.LockedUntil == null || m.LockedUntil < now))
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.LockedUntil, leaseEnd), cancellationToken);
            if (claimed == 0)
            {
                return Error.NotFound(ErrorCodes.NotFound, "The notification is delivered, dead-lettered or held by another worker.");
            }

            return await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == command.OutboxMessageId, cancellationToken);
        }
    }

    public sealed class RecordDeliveredHandler(LicensingDbContext db, ReportCounters counters, TimeProvider time) : ICommandHandler<RecordDelivered, Result<Guid>>
    {
        public async ValueTask<Result<Guid>> Handle(RecordDelivered command, CancellationToken cancellationToken)
        {
            var message = await db.OutboxMessages.SingleAsync(m => m.Id == command.OutboxMessageId, cancellationToken);
            var deliveredAt = time.GetUtcNow();
            message.MarkDelivered(deliveredAt);
            await counters.CountDeliveryAsync(Wita.DateOf(deliveredAt), message.Channel, cancellationToken);
            return message.Id;
        }
    }

    /// <summary>Records a failed attempt and schedules the next one; the delay, or null when the message is dead-lettered.</summary>
    public sealed class RecordFailedHandler(LicensingDbContext db, IJobScheduler jobs, AfterCommit afterCommit, IOptions<NotificationOptions> options, TimeProvider time)
        : ICommandHandler<RecordFailed, Result<TimeSpan?>>
    {
        public async ValueTask<Result<TimeSpan?>> Handle(RecordFailed command, CancellationToken cancellationToken)
        {
            var message = await db.OutboxMessages.SingleAsync(m => m.Id == command.OutboxMessageId, cancellationToken);
            var failedAt = time.GetUtcNow();
            var delay = options.Value.RetryDelay(message.Attempts + 1);
            message.MarkFailed(command.Error, failedAt, failedAt + delay);
            if (delay is { } wait)
            {
                afterCommit.Run(() => jobs.ScheduleOutboxDelivery(message.Id, failedAt + wait));
            }

            return delay;
        }
    }

    /// <summary>The background job Hangfire runs for one message.</summary>
    public sealed partial class Job(
        ISender sender,
        LicensingDbContext db,
        DecisionEmail decisionEmail,
        AccountEmailMessage accountEmail,
        PermitNotice permitNotice,
        WebhookPayloads webhookPayloads,
        IEmailSender email,
        WebhookSender webhooks,
        TimeProvider time,
        ILogger<Job> logger)
    {
        /// <summary>
        /// Delivers several messages one after another, each exactly as <see cref="RunAsync"/> does (its own claim,
        /// send and record, its own retries): one job's bookkeeping for a burst's messages instead of one each.
        /// </summary>
        [AutomaticRetry(Attempts = 0)]
        public async Task RunManyAsync(Guid[] outboxMessageIds, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(outboxMessageIds);
            foreach (var id in outboxMessageIds)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await RunAsync(id, cancellationToken);
                db.ChangeTracker.Clear();
            }
        }

        [AutomaticRetry(Attempts = 0)]
        public async Task RunAsync(Guid outboxMessageId, CancellationToken cancellationToken)
        {
            var claim = await sender.Send(new Claim(outboxMessageId), cancellationToken);
            if (!claim.Succeeded)
            {
                LogNotClaimed(logger, outboxMessageId);
                return;
            }

            var message = claim.Value;
            try
            {
                await SendAsync(message, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var retry = await sender.Send(new RecordFailed(message.Id, ex.Message), CancellationToken.None);
                if (retry.Value is { } wait)
                {
                    LogRetry(logger, ex, message.Id, message.Attempts + 1, wait);
                }
                else
                {
                    LogDeadLettered(logger, ex, message.Id, message.Attempts + 1);
                }

                return;
            }

            await sender.Send(new RecordDelivered(message.Id), CancellationToken.None);
            LogDelivered(logger, message.Id, message.Type, message.Channel);
        }

        private async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            if (message.Channel == NotificationChannels.Webhook)
            {
                var recipient = await db.Users.AsNoTracking().SingleAsync(u => u.Id == message.RecipientId, cancellationToken);
                if (string.IsNullOrEmpty(recipient.WebhookUrl) || string.IsNullOrEmpty(recipient.WebhookSecret))
                {
                    throw new InvalidOperationException("The recipient no longer has a webhook address.");
                }

                var body = await webhookPayloads.BuildAsync(message, cancellationToken);
                await webhooks.SendAsync(recipient.WebhookUrl, recipient.WebhookSecret, message.Id, message.Type, body, time.GetUtcNow(), cancellationToken);
                return;
            }

            var mail = message.Type switch
            {
                OutboxMessageTypes.DecisionMade => await decisionEmail.ComposeAsync(message, cancellationToken),
                OutboxMessageTypes.EmailConfirmation => await accountEmail.ComposeAsync(message, cancellationToken),
                OutboxMessageTypes.PermitExpiring or OutboxMessageTypes.PermitExpired or OutboxMessageTypes.PermitRevoked => await permitNotice.ComposeAsync(message, cancellationToken),
                _ => throw new InvalidOperationException($"No e-mail for outbox message type '{message.Type}'."),
            };
            await email.SendAsync(mail, cancellationToken);
        }

        [LoggerMessage(Level = LogLevel.Debug, Message = "Outbox message {OutboxMessageId} is delivered, dead-lettered or held by another worker")]
        private static partial void LogNotClaimed(ILogger logger, Guid outboxMessageId);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery of outbox message {OutboxMessageId} failed (attempt {Attempt}); retrying in {Delay}")]
        private static partial void LogRetry(ILogger logger, Exception exception, Guid outboxMessageId, int attempt, TimeSpan delay);

        [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {OutboxMessageId} is dead-lettered after {Attempt} attempts")]
        private static partial void LogDeadLettered(ILogger logger, Exception exception, Guid outboxMessageId, int attempt);

        [LoggerMessage(Level = LogLevel.Information, Message = "Delivered outbox message {OutboxMessageId} ({Type}, {Channel})")]
        private static partial void LogDelivered(ILogger logger, Guid outboxMessageId, string type, string channel);
    }
}
