using System.Text.Json;
using LicensingPortal.Api.Infrastructure.Auth;

namespace LicensingPortal.Api.Features.Objections;

/// <summary>
/// The officers' morning reminder (07:00 WITA, on working days): when objections wait for an answer whose last day is
/// today or the next working day, or has passed, or applicants' questions wait whose last day is today or has passed,
/// every active licensing officer who takes e-mail gets one that lists the objections, counts the questions and leads
/// to both lists, so the office answers within the law's ten working days (UU 30/2014 Pasal 77 ayat 4) and its own two
/// for a question (ADR 0031) without anyone having to remember to look. Each officer gets it once a day, however often
/// the job runs.
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

    /// <summary>The number of officers reminded.</summary>
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
            var due = await db.Objections.AsNoTracking()
                .Where(o => o.AnsweredAt == null && o.AnswerDueOn <= horizon)
                .Join(db.Applications, o => o.ApplicationId, a => a.Id, (o, a) => new { o.Id, o.ApplicationId, o.AnswerDueOn, o.FiledAt, a.BusinessId })
                .Join(db.Businesses, x => x.BusinessId, b => b.Id, (x, b) => new { x.Id, x.ApplicationId, x.AnswerDueOn, x.FiledAt, b.Name })
                .ToListAsync(cancellationToken);
            var questions = await db.Questions.AsNoTracking().Where(q => q.AnsweredAt == null && q.AnswerDueOn <= today)
                .GroupBy(q => 1)
                .Select(g => new { Count = g.Count(), Late = g.Count(q => q.AnswerDueOn < today) })
                .FirstOrDefaultAsync(cancellationToken);
            if (due.Count == 0 && questions is null)
            {
                return 0;
            }

            // The soonest first; on a day with many, the e-mail names the first twenty and counts the rest.
            var listed = due.OrderBy(d => d.AnswerDueOn).ThenBy(d => d.FiledAt).ThenBy(d => d.ApplicationId).ToList();
            var payload = JsonSerializer.Serialize(
                new ObjectionsDuePayload(
                    [.. listed.Take(MaxListed).Select(d => new ObjectionDue(d.Id, ApplicationReference.Of(d.ApplicationId), d.Name, d.AnswerDueOn, d.AnswerDueOn < today))],
                    listed.Count,
                    listed.Count(d => d.AnswerDueOn < today),
                    today,
                    $"{address.BaseUrl()}/petugas/keberatan",
                    questions?.Count ?? 0,
                    questions?.Late ?? 0,
                    $"{address.BaseUrl()}/petugas/pertanyaan"),
                Json.Options);

            // Two runs at once (the schedule and a run started by hand, or two nodes) take turns on the Officer role's row,
            // so the second sees what the first raised.
            await db.Roles.Where(r => r.Name == Roles.Officer).ExecuteUpdateAsync(set => set.SetProperty(r => r.ConcurrencyStamp, r => r.ConcurrencyStamp), cancellationToken);

            // Active officers who have joined (set a password) and take e-mail; one e-mail each a day, however often the job runs.
            var officers = await (from userRole in db.UserRoles
                                  join role in db.Roles on userRole.RoleId equals role.Id
                                  join user in db.Users on userRole.UserId equals user.Id
                                  where role.Name == Roles.Officer && user.DeactivatedAt == null && user.PasswordHash != null && user.EmailNotifications
                                  select user.Id).ToListAsync(cancellationToken);
            var (startOfDay, endOfDay) = (Wita.StartOf(today), Wita.StartOf(today.AddDays(1)));
            var reminded = await db.OutboxMessages.AsNoTracking()
                .Where(m => m.Type == NoticeKind.ObjectionsDue.Type && m.CreatedAt >= startOfDay && m.CreatedAt < endOfDay && m.RecipientId != null && officers.Contains(m.RecipientId.Value))
                .Select(m => m.RecipientId!.Value).ToListAsync(cancellationToken);
            var toRemind = officers.Except(reminded).ToList();
            foreach (var officer in toRemind)
            {
                db.OutboxMessages.Add(OutboxMessage.Raise(NoticeKind.ObjectionsDue, NotificationChannels.Email, officer, officer, payload, now));
            }

            return toRemind.Count;
        }
    }

    public sealed class Job(ISender sender)
    {
        public async Task RunAsync(CancellationToken cancellationToken) => await sender.Send(new Command(), cancellationToken);
    }
}
