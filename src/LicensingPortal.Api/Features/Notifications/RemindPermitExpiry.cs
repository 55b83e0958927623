namespace LicensingPortal.Api.Features.Notifications;

/// <summary>
/// The daily job (just after midnight WITA): reminds owners of permits that expire in 90, 30 and 7 days (not of
/// permits already renewed), and
/// marks permits past their last valid day as expired and tells the owner. Each reminder is recorded, so it is
/// sent once even if the job runs twice, and a day missed while the service was down is caught up.
/// </summary>
public static class RemindPermitExpiry
{
    public const string RecurringJobId = "permit-expiry";

    /// <summary>16:05 UTC is 00:05 WITA.</summary>
    public const string Cron = "5 16 * * *";

    public static readonly int[] ReminderDays = [90, 30, 7];

    /// <summary>The number of notices raised (reminders and expiries).</summary>
    public sealed record Command : ICommand<Result<int>>;

    public sealed class Handler(LicensingDbContext db, Notifier notifier, TimeProvider time) : ICommandHandler<Command, Result<int>>
    {
        public async ValueTask<Result<int>> Handle(Command command, CancellationToken cancellationToken)
        {
            var today = Wita.Today(time);
            var horizon = today.AddDays(ReminderDays.Max());
            var permits = await db.Permits
                .Where(p => p.Status == PermitStatus.Active && p.ValidUntil != null && p.ValidUntil <= horizon)
                .ToListAsync(cancellationToken);
            var ids = permits.Select(p => p.Id).ToList();
            var sent = await db.PermitReminders.Where(r => ids.Contains(r.PermitId)).Select(r => new { r.PermitId, r.DaysBefore }).ToListAsync(cancellationToken);
            var owners = await db.Businesses.Where(b => permits.Select(p => p.BusinessId).Contains(b.Id)).ToDictionaryAsync(b => b.Id, cancellationToken);
            var raised = 0;

            foreach (var permit in permits)
            {
                var business = owners[permit.BusinessId];
                if (permit.ExpireIfDue(today))
                {
                    if (permit.RenewedByPermitId is not null)
                    {
                        // Renewed: the renewed permit carries on from tomorrow; nothing to tell the owner.
                        continue;
                    }

                    var payload = new PermitPayload(permit.Number, permit.Type, permit.ValidUntil, 0, null);
                    await notifier.RaiseAsync(NoticeKind.PermitExpired, permit.Id, business.OwnerId, Notices.Permit(NoticeKind.PermitExpired, payload, business.Name), payload, cancellationToken);
                    raised++;
                    continue;
                }

                if (permit.RenewedByPermitId is not null)
                {
                    continue;
                }

                var daysLeft = permit.ValidUntil!.Value.DayNumber - today.DayNumber;
                var due = ReminderDays.Where(d => daysLeft <= d && !sent.Any(s => s.PermitId == permit.Id && s.DaysBefore == d)).ToList();
                if (due.Count == 0)
                {
                    continue;
                }

                // Only the nearest reminder is sent; the longer ones it supersedes are recorded as done.
                foreach (var days in due)
                {
                    db.PermitReminders.Add(PermitReminder.Sent(permit.Id, days, today));
                }

                var reminder = new PermitPayload(permit.Number, permit.Type, permit.ValidUntil, daysLeft, null);
                await notifier.RaiseAsync(NoticeKind.PermitExpiring, permit.Id, business.OwnerId, Notices.Permit(NoticeKind.PermitExpiring, reminder, business.Name), reminder, cancellationToken);
                raised++;
            }

            return raised;
        }
    }

    public sealed class Job(ISender sender)
    {
        public async Task RunAsync(CancellationToken cancellationToken) => await sender.Send(new Command(), cancellationToken);
    }
}
