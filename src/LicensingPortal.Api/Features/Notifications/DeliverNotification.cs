using Hangfire;
using LicensingPortal.Api.Infrastructure.Email;
using LicensingPortal.Api.Infrastructure.Jobs;
using LicensingPortal.Api.Infrastructure.Webhooks;
using Microsoft.Extensions.Options;

namespace LicensingPortal.Api.Features.Notifications;

/// <summary>
/// Delivers outbox messages on their channels, in three steps: claim the rows for a short lease (a conditional
/// update, so two workers never send a message at the same time), send each outside any transaction, then
/// record the outcome. A job delivers one message or a burst's several: their claims share one transaction, and so
/// do the records of those delivered, while each message is still sent, retried and dead-lettered on its own.
/// Every attempt carries the message id (e-mail Message-ID, webhook id header) so a receiver can drop a repeat
/// (delivery is at least once: a crash after sending and before recording sends again when the lease ends). A worker
/// that is stopped (a restart, a deploy) finishes the message it is sending, records what it sent and gives back what it
/// had not started, so a restart sends nothing twice. A failure is retried with exponential backoff and jitter; after the last attempt the message is dead-lettered for
/// an officer.
/// </summary>
public static partial class DeliverNotification
{
    /// <summary>Takes the messages for one attempt each; those delivered, dead-lettered or held by another worker are left out.</summary>
    public sealed record Claim(IReadOnlyList<Guid> OutboxMessageIds) : ICommand<Result<IReadOnlyList<OutboxMessage>>>;

    /// <summary>
    /// Records the messages as delivered (each one claimed by this worker and sent), and gives back those it claimed
    /// but did not start (<paramref name="Released"/>: it is stopping, or the job failed), for the next worker to take
    /// at once; only while this worker's claim (<paramref name="HeldUntil"/>) still stands on them.
    /// </summary>
    public sealed record RecordDelivered(IReadOnlyList<Guid> OutboxMessageIds, IReadOnlyList<Guid>? Released = null, DateTimeOffset? HeldUntil = null) : ICommand<Result<int>>;

    public sealed record RecordFailed(Guid OutboxMessageId, string Error) : ICommand<Result<TimeSpan?>>;

    public sealed class ClaimHandler(LicensingDbContext db, IOptions<NotificationOptions> options, TimeProvider time) : ICommandHandler<Claim, Result<IReadOnlyList<OutboxMessage>>>
    {
        public async ValueTask<Result<IReadOnlyList<OutboxMessage>>> Handle(Claim command, CancellationToken cancellationToken)
        {
            var now = time.GetUtcNow();
            var leaseEnd = now + TimeSpan.FromSeconds(options.Value.LeaseSeconds);
            var ids = command.OutboxMessageIds.Distinct().ToArray();
            var claimed = db.Database.IsNpgsql() ? await ClaimOnPostgresAsync(ids, now, leaseEnd, cancellationToken) : await ClaimEachAsync(ids, now, leaseEnd, cancellationToken);
            if (claimed.Count == 0)
            {
                return Array.Empty<OutboxMessage>();
            }

            var messages = await db.OutboxMessages.AsNoTracking().Where(m => claimed.Contains(m.Id)).ToListAsync(cancellationToken);
            return messages.OrderBy(m => Array.IndexOf(ids, m.Id)).ToList();
        }

        /// <summary>
        /// One conditional update for the whole job; RETURNING names exactly the rows this update took. A row another
        /// worker is claiming at that moment is waited for and then checked again, so it is left to that worker.
        /// "Free" is the same condition as <see cref="ClaimEachAsync"/>'s; the sweep (SweepOutbox) adds its grace and the retry time to it.
        /// </summary>
        private async Task<List<Guid>> ClaimOnPostgresAsync(Guid[] ids, DateTimeOffset now, DateTimeOffset leaseEnd, CancellationToken cancellationToken) =>
            await db.Database.SqlQuery<Guid>($"""
                UPDATE outbox_messages SET locked_until = {leaseEnd}
                WHERE id = ANY({ids}) AND processed_at IS NULL AND dead_lettered_at IS NULL AND (locked_until IS NULL OR locked_until < {now})
                RETURNING id AS "Value"
                """).ToListAsync(cancellationToken);

        /// <summary>One conditional update per row (SQLite, the embedded default's single writer): its row count says whether this worker holds the message.</summary>
        private async Task<List<Guid>> ClaimEachAsync(Guid[] ids, DateTimeOffset now, DateTimeOffset leaseEnd, CancellationToken cancellationToken)
        {
            var claimed = new List<Guid>(ids.Length);
            foreach (var id in ids)
            {
                var taken = await db.OutboxMessages
                    .Where(m => m.Id == id && m.ProcessedAt == null && m.DeadLetteredAt == null && (m.LockedUntil == null || m.LockedUntil < now))
                    .ExecuteUpdateAsync(set => set.SetProperty(m => m.LockedUntil, leaseEnd), cancellationToken);
                if (taken == 1)
                {
                    claimed.Add(id);
                }
            }

            return claimed;
        }
    }

    public sealed class RecordDeliveredHandler(LicensingDbContext db, ReportCounters counters, TimeProvider time) : ICommandHandler<RecordDelivered, Result<int>>
    {
        public async ValueTask<Result<int>> Handle(RecordDelivered command, CancellationToken cancellationToken)
        {
            var ids = command.OutboxMessageIds.Distinct().ToList();
            var released = (command.Released ?? []).Except(ids).ToList();
            if (released.Count > 0 && command.HeldUntil is { } heldUntil)
            {
                // One conditional update, as the claim was: a message whose lease ran out and that another worker
                // took since is left alone.
                await db.OutboxMessages
                    .Where(m => released.Contains(m.Id) && m.ProcessedAt == null && m.LockedUntil == heldUntil)
                    .ExecuteUpdateAsync(set => set.SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), cancellationToken);
            }

            var messages = await db.OutboxMessages.Where(m => ids.Contains(m.Id)).ToListAsync(cancellationToken);
            var deliveredAt = time.GetUtcNow();
            foreach (var message in messages)
            {
                message.MarkDelivered(deliveredAt);
            }

            foreach (var channel in messages.GroupBy(m => m.Channel))
            {
                await counters.CountDeliveriesAsync(Wita.DateOf(deliveredAt), channel.Key, channel.Count(), cancellationToken);
            }

            return messages.Count;
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
        ObjectionNotice objectionNotice,
        ObjectionsDueNotice objectionsDueNotice,
        QuestionNotice questionNotice,
        BusinessNotice businessNotice,
        InspectionNotice inspectionNotice,
        WebhookPayloads webhookPayloads,
        IEmailSender email,
        WebhookSender webhooks,
        TimeProvider time,
        ILogger<Job> logger)
    {
        /// <summary>
        /// How long a message being sent may still take once the worker is told to stop: longer than a webhook's
        /// default timeout (10 s), so a slow receiver is recorded as a failure, not cut off; within the job server's
        /// shutdown timeout (20 s) and the host's (30 s).
        /// </summary>
        private static readonly TimeSpan SendGrace = TimeSpan.FromSeconds(12);

        /// <summary>
        /// Delivers several messages: claimed together, each sent on its own (a failure is recorded, retried or
        /// dead-lettered for that message alone), and those sent recorded together: one job's bookkeeping and two
        /// transactions for a burst's messages instead of a job and two transactions each.
        /// </summary>
        [AutomaticRetry(Attempts = 0)]
        public async Task RunManyAsync(Guid[] outboxMessageIds, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(outboxMessageIds);
            outboxMessageIds = [.. outboxMessageIds.Distinct()];
            var claimed = (await sender.Send(new Claim(outboxMessageIds), cancellationToken)).Value;
            foreach (var id in outboxMessageIds.Except(claimed.Select(m => m.Id)))
            {
                LogNotClaimed(logger, id);
            }

            var sent = new List<OutboxMessage>(claimed.Count);

            // Sent, recorded as failed, or cut off mid-send: every other message claimed is given back when the job ends.
            var settled = new HashSet<Guid>();
            try
            {
                var decisionMails = await decisionEmail.ComposeManyAsync(
                    claimed.Where(m => m.Channel == NotificationChannels.Email && NoticeKind.Of(m.Type).Mail == NoticeMail.Decision).ToList(), cancellationToken);

                // A stop (a restart, a deploy) lets the message being sent finish: cut off half-way, the receiver could
                // have it while this worker never records it, and it would be sent again. Only a send that outlasts the
                // grace is cut off.
                using var sending = new CancellationTokenSource();
                using var stopping = cancellationToken.Register(() => sending.CancelAfter(SendGrace));
                foreach (var message in claimed)
                {
                    if (cancellationToken.IsCancellationRequested)
                    {
                        break;
                    }

                    try
                    {
                        if (decisionMails.TryGetValue(message.Id, out var mail))
                        {
                            await email.SendAsync(mail, sending.Token);
                        }
                        else
                        {
                            await SendAsync(message, sending.Token);
                        }

                        settled.Add(message.Id);
                        sent.Add(message);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !sending.IsCancellationRequested)
                    {
                        settled.Add(message.Id);
                        var retry = await sender.Send(new RecordFailed(message.Id, ex.Message), CancellationToken.None);
                        Infrastructure.Telemetry.PortalTelemetry.DeliveryFailed(message.Channel, deadLettered: retry.Value is null);
                        if (retry.Value is { } wait)
                        {
                            LogRetry(logger, ex, message.Id, message.Attempts + 1, wait);
                        }
                        else
                        {
                            LogDeadLettered(logger, ex, message.Id, message.Attempts + 1);
                        }
                    }
                    catch (OperationCanceledException)
                    {
                        // Cut off after the grace: the receiver may have it, so it keeps its lease and is swept when that ends.
                        settled.Add(message.Id);
                        LogCutOff(logger, message.Id);
                    }
                    finally
                    {
                        db.ChangeTracker.Clear();
                    }
                }
            }
            finally
            {
                // Whatever ended the job (done, stopped, a failure), what was sent is recorded and what was not started
                // is given back, in one transaction.
                var notStarted = claimed.Where(m => !settled.Contains(m.Id)).Select(m => m.Id).ToList();
                if (sent.Count > 0 || notStarted.Count > 0)
                {
                    await sender.Send(new RecordDelivered(sent.Select(m => m.Id).ToList(), notStarted, claimed[0].LockedUntil), CancellationToken.None);
                    foreach (var message in sent)
                    {
                        LogDelivered(logger, message.Id, message.Type, message.Channel);
                        Infrastructure.Telemetry.PortalTelemetry.Delivered(message.Channel);
                    }
                }
            }

            cancellationToken.ThrowIfCancellationRequested();
        }

        /// <summary>Delivers one message (a retry, a resend, or one found by the sweep).</summary>
        [AutomaticRetry(Attempts = 0)]
        public Task RunAsync(Guid outboxMessageId, CancellationToken cancellationToken) => RunManyAsync([outboxMessageId], cancellationToken);

        private async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            // A reminder raised before its permit was renewed or its business closed (still queued, or retrying) has
            // nothing left to remind of: it is done without being sent.
            if (message.Type == NoticeKind.PermitExpiring.Type
                && !await db.Permits.AsNoTracking().AnyAsync(p => p.Id == message.SubjectId && p.Status == PermitStatus.Active && p.RenewedByPermitId == null, cancellationToken))
            {
                LogSuperseded(logger, message.Id);
                return;
            }

            // The officers' morning reminder is of that morning: one retried or sent again on a later day, or to an officer
            // since deactivated, would name objections as they no longer stand (the next morning's names them anew).
            if ((message.Type == NoticeKind.ObjectionsDue.Type || message.Type == NoticeKind.AppealsDue.Type)
                && (Wita.DateOf(message.CreatedAt) < Wita.Today(time)
                    || !await db.Users.AsNoTracking().AnyAsync(u => u.Id == message.RecipientId && u.DeactivatedAt == null, cancellationToken)))
            {
                LogSuperseded(logger, message.Id);
                return;
            }

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

            var mail = NoticeKind.Of(message.Type).Mail switch
            {
                NoticeMail.Decision => await decisionEmail.ComposeAsync(message, cancellationToken),
                NoticeMail.Account => await accountEmail.ComposeAsync(message, cancellationToken),
                NoticeMail.Permit => await permitNotice.ComposeAsync(message, cancellationToken),
                NoticeMail.Objection => await objectionNotice.ComposeAsync(message, cancellationToken),
                NoticeMail.ObjectionsDue => await objectionsDueNotice.ComposeAsync(message, cancellationToken),
                NoticeMail.Question => await questionNotice.ComposeAsync(message, cancellationToken),
                NoticeMail.Business => await businessNotice.ComposeAsync(message, cancellationToken),
                NoticeMail.Inspection => await inspectionNotice.ComposeAsync(message, cancellationToken),
                _ => throw new InvalidOperationException($"No e-mail for outbox message type '{message.Type}'."),
            };
            await email.SendAsync(mail, cancellationToken);
        }

        [LoggerMessage(Level = LogLevel.Warning, Message = "Sending outbox message {OutboxMessageId} was cut off by a stop; it is sent again when its lease ends")]
        private static partial void LogCutOff(ILogger logger, Guid outboxMessageId);

        [LoggerMessage(Level = LogLevel.Information, Message = "Outbox message {OutboxMessageId} not sent: what it tells of no longer holds (a permit renewed, a business closed, a morning's reminder past)")]
        private static partial void LogSuperseded(ILogger logger, Guid outboxMessageId);

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
