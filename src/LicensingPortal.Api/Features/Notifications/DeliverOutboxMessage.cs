using Hangfire;
using LicensingPortal.Api.Data;
using LicensingPortal.Api.Domain;
using LicensingPortal.Api.Infrastructure;
using LicensingPortal.Api.Infrastructure.Email;
using LicensingPortal.Api.Infrastructure.Jobs;
using LicensingPortal.Api.Infrastructure.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LicensingPortal.Api.Features.Notifications;

/// <summary>
/// The background job that delivers one outbox message on its channel. It first claims the row for a short
/// lease with a conditional update, so two workers never send it at the same time; every attempt carries the
/// message id (e-mail Message-ID, webhook id header) so a receiver can drop a repeat. A failure is retried
/// with exponential backoff and jitter; after the last attempt the message is dead-lettered for an officer.
/// </summary>
public sealed partial class DeliverOutboxMessage(
    LicensingDbContext db,
    DecisionEmail decisionEmail,
    AccountEmailMessage accountEmail,
    PermitNotice permitNotice,
    WebhookPayloads webhookPayloads,
    IEmailSender email,
    WebhookSender webhooks,
    IJobScheduler jobs,
    Reports.ReportCounters counters,
    IOptions<NotificationOptions> options,
    TimeProvider time,
    ILogger<DeliverOutboxMessage> logger)
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(Guid outboxMessageId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var leaseEnd = now + Lease;
        var claimed = await db.OutboxMessages
            .Where(m => m.Id == outboxMessageId && m.ProcessedAt == null && m.DeadLetteredAt == null && (m.LockedUntil == null || m.LockedUntil < now))
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.LockedUntil, leaseEnd), cancellationToken);
        if (claimed == 0)
        {
            LogNotClaimed(logger, outboxMessageId);
            return;
        }

        var message = await db.OutboxMessages.SingleAsync(m => m.Id == outboxMessageId, cancellationToken);
        try
        {
            await SendAsync(message, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var failedAt = time.GetUtcNow();
            var delay = options.Value.RetryDelay(message.Attempts + 1);
            message.MarkFailed(ex.Message, failedAt, failedAt + delay);
            await db.SaveChangesAsync(CancellationToken.None);
            if (delay is { } wait)
            {
                jobs.ScheduleOutboxDelivery(message.Id, failedAt + wait);
                LogRetry(logger, ex, message.Id, message.Attempts, wait);
            }
            else
            {
                LogDeadLettered(logger, ex, message.Id, message.Attempts);
            }

            return;
        }

        var deliveredAt = time.GetUtcNow();
        await using (var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None))
        {
            message.MarkDelivered(deliveredAt);
            await db.SaveChangesAsync(CancellationToken.None);
            await counters.CountDeliveryAsync(Wita.DateOf(deliveredAt), message.Channel, CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
        }

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
