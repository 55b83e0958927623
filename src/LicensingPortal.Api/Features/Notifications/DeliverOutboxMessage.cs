using LicensingPortal.Api.Data;
using LicensingPortal.Api.Domain;
using LicensingPortal.Api.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;

namespace LicensingPortal.Api.Features.Notifications;

/// <summary>
/// The background job that delivers one outbox message. It first claims the row for a short lease with a
/// conditional update, so that two workers (or a sweep racing a fresh enqueue) never send it at the same time;
/// every attempt carries the message id as its email Message-ID so a receiver can drop a repeat.
/// </summary>
public sealed partial class DeliverOutboxMessage(LicensingDbContext db, DecisionEmail decisionEmail, AccountEmailMessage accountEmail, IEmailSender email, TimeProvider time, ILogger<DeliverOutboxMessage> logger)
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    public async Task RunAsync(Guid outboxMessageId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var leaseEnd = now + Lease;
        var claimed = await db.OutboxMessages
            .Where(m => m.Id == outboxMessageId && m.ProcessedAt == null && (m.LockedUntil == null || m.LockedUntil < now))
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.LockedUntil, leaseEnd), cancellationToken);
        if (claimed == 0)
        {
            LogNotClaimed(logger, outboxMessageId);
            return;
        }

        var message = await db.OutboxMessages.SingleAsync(m => m.Id == outboxMessageId, cancellationToken);
        try
        {
            switch (message.Type)
            {
                case OutboxMessageTypes.DecisionMade:
                    var mail = await decisionEmail.ComposeAsync(message, cancellationToken);
                    await email.SendAsync(mail, cancellationToken);
                    break;
                case OutboxMessageTypes.EmailConfirmation:
                    await email.SendAsync(await accountEmail.ComposeAsync(message, cancellationToken), cancellationToken);
                    break;
                default:
                    throw new InvalidOperationException($"Unknown outbox message type '{message.Type}'.");
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            message.MarkFailed(ex.Message);
            await db.SaveChangesAsync(CancellationToken.None);
            LogFailed(logger, ex, message.Id, message.Attempts);
            throw;
        }

        message.MarkDelivered(time.GetUtcNow());
        await db.SaveChangesAsync(CancellationToken.None);
        LogDelivered(logger, message.Id, message.Type);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Outbox message {OutboxMessageId} is delivered or held by another worker")]
    private static partial void LogNotClaimed(ILogger logger, Guid outboxMessageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery of outbox message {OutboxMessageId} failed (attempt {Attempt})")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid outboxMessageId, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivered outbox message {OutboxMessageId} ({Type})")]
    private static partial void LogDelivered(ILogger logger, Guid outboxMessageId, string type);
}
