using System.Text.Json;
using LicensingPortal.Api.Infrastructure.Auth;

namespace LicensingPortal.Api.Features.Objections;

/// <summary>
/// The officers' morning reminder (07:00 WITA, on working days): when objections wait for an answer whose last day is
/// today or the next working day, or has passed, or applicants' questions wait whose last day is today or has passed,
/// every active licensing officer who takes e-mail gets one that lists the objections, counts the questions and leads
/// to both lists, so the office answers within the law's ten working days (UU 30/2014 Pasal 77 ayat 4) and its own two
/// for a question (ADR 0031) without anyone having to remember to look. Each officer gets it once a day, however often
/// the job runs. The mayor's office is reminded the same way of appeals (ADR 0034), at the same hour, by an e-mail of
/// its own to each of its accounts.
/// </summary>
public static class RemindObjectionsDue
{
    public const string RecurringJobId = "objections-due";

    /// <summary>23:00 UTC is 07:00 WITA, the start of the office's day.</summary>
    public const string Cron = "0 23 * * *";

    /// <summary>How far ahead a last day counts as near: today's, and the next working day's.</summary>
    public const int WorkingDaysAhead = 1;

    /// <summary>The most objections one e-mail names; the rest are counted, and all are on the officers' list.</summary>
    public const int MaxListed = 20;

    /// <summary>The number of accounts reminded (officers and the mayor's office's).</summary>
    public sealed record Command : ICommand<Result<int>>;

    public sealed class Handler(LicensingDbContext db, PublicAddress address, TimeProvider time) : ICommandHandler<Command, Result<int>>
    {
        public async ValueTask<Result<int>> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = time.GetUtcNow();
            var today = Wita.DateOf(now);
            var calendar = await db.WorkingCalendarAsync(cancellationToken);
            if (!calendar.IsWorkingDay(today))
            {
                // Nobody is in the office to answer; the next working morning's e-mail names what is due by then.
                return 0;
            }

            var horizon = calendar.AddWorkingDays(today, WorkingDaysAhead);
            return await RemindOfficersAsync(today, horizon, now, cancellationToken) + await RemindMayorsOfficeAsync(today, horizon, now, cancellationToken);
        }

        /// <summary>The officers' e-mail: objections due by <paramref name="horizon"/> or past, and questions due today or past.</summary>
        private async Task<int> RemindOfficersAsync(DateOnly today, DateOnly horizon, DateTimeOffset now, CancellationToken cancellationToken)
        {
            var due = await db.Objections.AsNoTracking()
                .Where(o => o.AnsweredAt == null && o.AnswerDueOn <= horizon)
                .Join(db.Applications, o => o.ApplicationId, a => a.Id, (o, a) => new { o.Id, o.ApplicationId, o.AnswerDueOn, o.FiledAt, a.BusinessId })
                .Join(db.Businesses, x => x.BusinessId, b => b.Id, (x, b) => new Due(x.Id, x.ApplicationId, x.AnswerDueOn, x.FiledAt, b.Name))
                .ToListAsync(cancellationToken);
            var questions = await db.Questions.AsNoTracking().Where(q => q.AnsweredAt == null && q.AnswerDueOn <= today)
                .GroupBy(q => 1)
                .Select(g => new { Count = g.Count(), Late = g.Count(q => q.AnswerDueOn < today) })
                .FirstOrDefaultAsync(cancellationToken);
            if (due.Count == 0 && questions is null)
            {
                return 0;
            }

            var payload = Payload(due, today, "/petugas/keberatan") with { Questions = questions?.Count ?? 0, QuestionsLate = questions?.Late ?? 0, QuestionsUrl = $"{address.BaseUrl()}/petugas/pertanyaan" };
            return await RaiseAsync(NoticeKind.ObjectionsDue, Roles.Officer, payload, today, now, cancellationToken);
        }

        /// <summary>
        /// The mayor's office's e-mail: appeals whose last day to be answered is today, the next working day or past (the
        /// law deems one unanswered in its ten working days granted, UU 30/2014 Pasal 78 ayat 5).
        /// </summary>
        private async Task<int> RemindMayorsOfficeAsync(DateOnly today, DateOnly horizon, DateTimeOffset now, CancellationToken cancellationToken)
        {
            var due = await db.Objections.AsNoTracking()
                .Where(o => o.Appeal != null && o.Appeal.AnsweredAt == null && o.Appeal.AnswerDueOn <= horizon)
                .Join(db.Applications, o => o.ApplicationId, a => a.Id, (o, a) => new { o.Id, o.ApplicationId, o.Appeal!.AnswerDueOn, o.Appeal.FiledAt, a.BusinessId })
                .Join(db.Businesses, x => x.BusinessId, b => b.Id, (x, b) => new Due(x.Id, x.ApplicationId, x.AnswerDueOn, x.FiledAt, b.Name))
                .ToListAsync(cancellationToken);
            return due.Count == 0 ? 0 : await RaiseAsync(NoticeKind.AppealsDue, Roles.Mayor, Payload(due, today, "/walikota/banding"), today, now, cancellationToken);
        }

        /// <summary>What is due, the soonest first; on a day with many, the e-mail names the first twenty and counts the rest.</summary>
        private ObjectionsDuePayload Payload(List<Due> due, DateOnly today, string list)
        {
            var listed = due.OrderBy(d => d.AnswerDueOn).ThenBy(d => d.FiledAt).ThenBy(d => d.ApplicationId).ToList();
            return new ObjectionsDuePayload(
                [.. listed.Take(MaxListed).Select(d => new ObjectionDue(d.Id, ApplicationReference.Of(d.ApplicationId), d.BusinessName, d.AnswerDueOn, d.AnswerDueOn < today))],
                listed.Count,
                listed.Count(d => d.AnswerDueOn < today),
                today,
                $"{address.BaseUrl()}{list}");
        }

        /// <summary>One e-mail of <paramref name="kind"/> to each active account of <paramref name="roleName"/> that has joined and takes e-mail, once a day however often the job runs.</summary>
        private async Task<int> RaiseAsync(NoticeKind kind, string roleName, ObjectionsDuePayload due, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
        {
            var payload = JsonSerializer.Serialize(due, Json.Options);

            // Two runs at once (the schedule and a run started by hand, or two nodes) take turns on the role's row, so
            // the second sees what the first raised.
            await db.Roles.Where(r => r.Name == roleName).ExecuteUpdateAsync(set => set.SetProperty(r => r.ConcurrencyStamp, r => r.ConcurrencyStamp), cancellationToken);
            var accounts = await (from userRole in db.UserRoles
                                  join role in db.Roles on userRole.RoleId equals role.Id
                                  join user in db.Users on userRole.UserId equals user.Id
                                  where role.Name == roleName && user.DeactivatedAt == null && user.PasswordHash != null && user.EmailNotifications
                                  select user.Id).ToListAsync(cancellationToken);
            var (startOfDay, endOfDay) = (Wita.StartOf(today), Wita.StartOfDayAfter(today));
            var reminded = await db.OutboxMessages.AsNoTracking()
                .Where(m => m.Type == kind.Type && m.CreatedAt >= startOfDay && m.CreatedAt < endOfDay && m.RecipientId != null && accounts.Contains(m.RecipientId.Value))
                .Select(m => m.RecipientId!.Value).ToListAsync(cancellationToken);
            var toRemind = accounts.Except(reminded).ToList();
            foreach (var account in toRemind)
            {
                db.OutboxMessages.Add(OutboxMessage.Raise(kind, NotificationChannels.Email, account, account, payload, now));
            }

            return toRemind.Count;
        }
    }

    private sealed record Due(Guid Id, Guid ApplicationId, DateOnly AnswerDueOn, DateTimeOffset FiledAt, string BusinessName);

    public sealed class Job(ISender sender)
    {
        public async Task RunAsync(CancellationToken cancellationToken) => await sender.Send(new Command(), cancellationToken);
    }
}
