using System.Net;
using System.Text.Json;
using LicensingPortal.Api.Infrastructure.Email;
using Microsoft.Extensions.Options;
using MimeKit;

namespace LicensingPortal.Api.Features.Notifications;

/// <summary>
/// The officers' morning reminder as an e-mail in the officer's language: how many objections wait with their last day
/// today, the next working day or already past, each by its business, application number and last day (the late ones
/// said so, with what the law makes of them) and a link to it, and the link to the officers' list; then how many
/// applicants' questions are to be answered that day (and how many are late), with the link to their list. The mayor's
/// office's reminder of appeals (<see cref="NoticeKind.AppealsDue"/>) is the same e-mail in words of its own.
/// </summary>
public sealed class ObjectionsDueNotice(LicensingDbContext db, IOptions<EmailOptions> options)
{
    public async Task<MimeMessage> ComposeAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var due = JsonSerializer.Deserialize<ObjectionsDuePayload>(message.Payload ?? "{}", Json.Options)
            ?? throw new InvalidOperationException($"Outbox message {message.Id} has no payload.");
        var recipient = await db.Users.AsNoTracking().SingleAsync(u => u.Id == message.RecipientId, cancellationToken);
        var culture = recipient.PreferredLanguage == Languages.English ? Cultures.English : Cultures.Indonesian;
        string Say(string key, params object[] arguments) => string.Format(culture, Texts.In(culture, key) ?? key, arguments);
        // The mayor's office's reminder of appeals says the same things of appeals, in texts of its own ("Email.AppealsDue.…").
        var texts = $"Email.{NoticeKind.Of(message.Type).Texts}.";
        string Of(string key) => texts + key["Email.ObjectionsDue.".Length..];
        string Day(DateOnly day) => day.ToString("dddd, d MMMM yyyy", culture);

        var intro = due.Late == 0 ? Say(Of("Email.ObjectionsDue.Intro"), due.Count)
            : due.Late == due.Count ? Say(Of("Email.ObjectionsDue.IntroAllLate"), due.Count)
            : Say(Of("Email.ObjectionsDue.IntroLate"), due.Count, due.Late);
        var lines = due.Objections
            .Select(o => (Text: Say(Of(o.Late ? "Email.ObjectionsDue.LineLate" : "Email.ObjectionsDue.Line"), o.BusinessName, o.Reference, Day(o.AnswerDueOn)), Page: $"{due.Url}/{o.Id}"))
            .ToList();
        var more = due.Count > due.Objections.Count ? Say(Of("Email.ObjectionsDue.More"), due.Count - due.Objections.Count) : null;
        var (open, why) = (Say(Of("Email.ObjectionsDue.Open")), Say(Of("Email.ObjectionsDue.Why")));
        // When any is late, what the law makes of it: the reason to answer today.
        var law = due.Late > 0 ? Say(Of("Email.ObjectionsDue.LateLaw")) : null;

        // The applicants' questions to answer today, counted (each is short, and all are on their list).
        var questions = due.Questions == 0 ? null : due.QuestionsLate > 0 ? Say("Email.QuestionsDue.LineLate", due.Questions, due.QuestionsLate) : Say("Email.QuestionsDue.Line", due.Questions);
        var (openQuestions, questionsWhy) = (Say("Email.QuestionsDue.Open"), Say("Email.QuestionsDue.Why", Question.WorkingDaysToAnswer));

        var subject = due.Count == 0 ? Say("Email.QuestionsDue.Subject", due.Questions, Day(due.Day))
            : due.Late > 0 ? Say(Of("Email.ObjectionsDue.SubjectLate"), due.Late, Day(due.Day)) : Say(Of("Email.ObjectionsDue.Subject"), due.Count, Day(due.Day));
        var mail = OutboxMail.Envelope(message, options.Value, subject, MailboxAddress.Parse(recipient.Email!));
        var objectionsText = due.Count == 0 ? string.Empty
            : $"{intro}\n\n{string.Join('\n', lines.Select(l => $"- {l.Text}\n  {l.Page}"))}\n{(more is null ? string.Empty : more + "\n")}\n{(law is null ? string.Empty : law + "\n\n")}{open}\n{due.Url}\n\n";
        var questionsText = questions is null ? string.Empty : $"{questions}\n{openQuestions}\n{due.QuestionsUrl}\n\n";
        var whyText = string.Join(' ', new[] { due.Count > 0 ? why : null, questions is null ? null : questionsWhy }.OfType<string>());
        var text = $"{objectionsText}{questionsText}{whyText}\n";
        var objectionsHtml = due.Count == 0 ? string.Empty
            : $"<p>{WebUtility.HtmlEncode(intro)}</p><ul>{string.Concat(lines.Select(l => $"<li><a href=\"{WebUtility.HtmlEncode(l.Page)}\">{WebUtility.HtmlEncode(l.Text)}</a></li>"))}</ul>"
                + (more is null ? string.Empty : $"<p>{WebUtility.HtmlEncode(more)}</p>")
                + (law is null ? string.Empty : $"<p><strong>{WebUtility.HtmlEncode(law)}</strong></p>")
                + $"<p><a href=\"{WebUtility.HtmlEncode(due.Url)}\">{WebUtility.HtmlEncode(open)}</a></p>";
        var questionsHtml = questions is null ? string.Empty
            : $"<p>{WebUtility.HtmlEncode(questions)} <a href=\"{WebUtility.HtmlEncode(due.QuestionsUrl ?? string.Empty)}\">{WebUtility.HtmlEncode(Say("Email.QuestionsDue.OpenLink"))}</a></p>";
        var html = $"{objectionsHtml}{questionsHtml}<p><small>{WebUtility.HtmlEncode(whyText)}</small></p>";
        mail.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
        return mail;
    }
}
