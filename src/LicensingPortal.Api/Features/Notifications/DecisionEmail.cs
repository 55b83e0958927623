using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using LicensingPortal.Api.Infrastructure.Email;
using LicensingPortal.Api.Infrastructure.Rules;
using LicensingPortal.Rules.Model;
using Microsoft.Extensions.Options;
using MimeKit;

namespace LicensingPortal.Api.Features.Notifications;

/// <summary>The decision email, in the applicant's language, in HTML and plain text, with every failed requirement explained.</summary>
public sealed class DecisionEmail(LicensingDbContext db, RuleSetCatalog rules, IOptions<EmailOptions> options)
{
    public const string MessageIdDomain = "licensingportal.kupangkota.go.id";

    public async Task<MimeMessage> ComposeAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return (await ComposeManyAsync([message], cancellationToken)).TryGetValue(message.Id, out var mail)
            ? mail
            : throw new InvalidOperationException($"The decision e-mail of outbox message {message.Id} cannot be composed: application {message.SubjectId}, its decision, business, recipient or rule set is not stored.");
    }

    /// <summary>
    /// The e-mails of a delivery job's decision messages, read with three queries for all of them rather than three
    /// each. A message whose application, decision, business, account or rule set is missing is left out: composed on its own, it
    /// fails on its own.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, MimeMessage>> ComposeManyAsync(IReadOnlyCollection<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var composed = new Dictionary<Guid, MimeMessage>();
        if (messages.Count == 0)
        {
            return composed;
        }

        var applicationIds = messages.Select(m => m.SubjectId).Distinct().ToList();
        var applications = await db.Applications.AsNoTracking().Include(a => a.Decision).Where(a => applicationIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        var businessIds = applications.Values.Select(a => a.BusinessId).Distinct().ToList();
        var businesses = await db.Businesses.AsNoTracking().Where(b => businessIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, cancellationToken);
        var recipientIds = messages.Where(m => m.RecipientId is not null).Select(m => m.RecipientId!.Value).Distinct().ToList();
        var languages = await db.Users.AsNoTracking().Where(u => recipientIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.PreferredLanguage, cancellationToken);
        var calendar = applications.Values.Any(a => a.Decision is { Approved: false }) ? await db.WorkingCalendarAsync(cancellationToken) : WorkingCalendar.Weekdays;
        foreach (var message in messages)
        {
            if (applications.TryGetValue(message.SubjectId, out var application)
                && application.Decision is not null
                && businesses.TryGetValue(application.BusinessId, out var business)
                && (message.RecipientId is not { } recipient || languages.ContainsKey(recipient))
                && await rules.FindByHashAsync(application.Decision.RuleSetHash, db, cancellationToken) is not null)
            {
                var preferred = message.RecipientId is { } id ? languages[id] : application.Language;
                composed[message.Id] = await ComposeAsync(message, application, business, preferred, calendar, cancellationToken);
            }
        }

        return composed;
    }

    private async Task<MimeMessage> ComposeAsync(OutboxMessage message, PermitApplication application, Business business, string preferred, WorkingCalendar calendar, CancellationToken cancellationToken)
    {
        var decision = application.Decision ?? throw new InvalidOperationException($"Application {application.Id} has no decision.");
        var ruleSet = await rules.FindByHashAsync(decision.RuleSetHash, db, cancellationToken)
            ?? throw new InvalidOperationException($"Rule set {decision.RuleSetHash} is not stored.");
        var language = Languages.Parse(preferred);
        var view = DecisionExplanation.Of(decision, ruleSet, language);
        var texts = EmailTexts.In(language);
        var activities = string.Join(", ", application.KbliCodes.Select(code => PlainWords.Activity(code, ruleSet, language)));

        var mail = OutboxMail.Envelope(
            message,
            options.Value,
            string.Format(CultureInfo.InvariantCulture, texts.Subject, decision.Approved ? texts.Approved : texts.Rejected, ApplicationReference.Of(application.Id)),
            new MailboxAddress(business.OwnerName, business.Email));

        var text = new StringBuilder();
        var html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">");
        text.AppendLine(CultureInfo.InvariantCulture, $"{texts.Greeting} {business.OwnerName},").AppendLine();
        html.Append(CultureInfo.InvariantCulture, $"<p>{Encode(texts.Greeting)} {Encode(business.OwnerName)},</p>");
        var summary = string.Format(CultureInfo.InvariantCulture, texts.Summary, business.Name, activities, decision.Approved ? texts.Approved : texts.Rejected);
        text.AppendLine(summary).AppendLine();
        html.Append(CultureInfo.InvariantCulture, $"<p>{Encode(summary)}</p>");

        if (decision.Approved)
        {
            var issued = (JsonSerializer.Deserialize<DecisionPayload>(message.Payload ?? "{\"permits\":[]}", Json.Options)?.Permits ?? []).ToDictionary(p => p.Type);
            text.AppendLine(texts.PermitsHeading);
            html.Append(CultureInfo.InvariantCulture, $"<p>{Encode(texts.PermitsHeading)}</p><ul>");
            foreach (var permit in view.RequiredPermits)
            {
                if (issued.TryGetValue(permit.Type, out var number))
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"- {permit.Title}: {number.Number} ({texts.Verify}: {number.VerificationUrl})");
                    html.Append(CultureInfo.InvariantCulture, $"<li>{Encode(permit.Title)}: <strong>{Encode(number.Number)}</strong> — <a href=\"{Encode(number.VerificationUrl)}\">{Encode(texts.Verify)}</a></li>");
                }
                else
                {
                    var held = permit.Type == PermitTypes.Nib ? business.Nib ?? string.Empty : string.Empty;
                    text.AppendLine(CultureInfo.InvariantCulture, $"- {permit.Title}: {held}");
                    html.Append(CultureInfo.InvariantCulture, $"<li>{Encode(permit.Title)}: <strong>{Encode(held)}</strong></li>");
                }
            }

            html.Append("</ul>");
            text.AppendLine().AppendLine(texts.ApprovedNext);
            html.Append(CultureInfo.InvariantCulture, $"<p>{Encode(texts.ApprovedNext)}</p>");
        }
        else
        {
            text.AppendLine(texts.ReasonsHeading);
            html.Append(CultureInfo.InvariantCulture, $"<p>{Encode(texts.ReasonsHeading)}</p><ol>");
            foreach (var failed in view.FailedRequirements)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {failed.Title}: {failed.Message}")
                    .AppendLine(CultureInfo.InvariantCulture, $"  {texts.Remedy}: {failed.Remedy}")
                    .AppendLine(CultureInfo.InvariantCulture, $"  {texts.LegalBasis}: {failed.LegalBasis.Regulation}, {failed.LegalBasis.Article}");
                html.Append(CultureInfo.InvariantCulture, $"<li><strong>{Encode(failed.Title)}</strong><br>{Encode(failed.Message)}<br><em>{Encode(texts.Remedy)}:</em> {Encode(failed.Remedy)}<br><small>{Encode(texts.LegalBasis)}: {Encode(failed.LegalBasis.Regulation)}, {Encode(failed.LegalBasis.Article)}</small></li>");
            }

            html.Append("</ol>");
            text.AppendLine().AppendLine(texts.Resubmit);
            html.Append(CultureInfo.InvariantCulture, $"<p>{Encode(texts.Resubmit)}</p>");
            // The notice starts the time to object: it says the right and the last day (UU 30/2014 Pasal 77).
            var culture = Cultures.Of(language);
            var objection = string.Format(culture, texts.Object, Objection.LastDayToFile(decision.DecidedAt, calendar).ToString("d MMMM yyyy", culture));
            text.AppendLine().AppendLine(objection);
            html.Append(CultureInfo.InvariantCulture, $"<p>{Encode(objection)}</p>");
        }

        var reference = string.Format(CultureInfo.InvariantCulture, texts.Reference, ApplicationReference.Of(application.Id));
        text.AppendLine().AppendLine(reference);
        html.Append(CultureInfo.InvariantCulture, $"<p>{Encode(reference)}</p>");
        var footer = texts.Footer;
        text.AppendLine().AppendLine(footer);
        html.Append(CultureInfo.InvariantCulture, $"<hr><p><small>{Encode(footer)}</small></p></body></html>");

        mail.Body = new BodyBuilder { TextBody = text.ToString(), HtmlBody = html.ToString() }.ToMessageBody();
        return mail;
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);

    /// <summary>The decision e-mail's texts in one language, from the resource files.</summary>
    private sealed record EmailTexts(
        string Subject,
        string Approved,
        string Rejected,
        string Greeting,
        string Summary,
        string PermitsHeading,
        string ReasonsHeading,
        string Remedy,
        string LegalBasis,
        string Resubmit,
        string Object,
        string ApprovedNext,
        string Verify,
        string Reference,
        string Footer)
    {
        private static readonly EmailTexts Indonesian = Read(Cultures.Indonesian);
        private static readonly EmailTexts English = Read(Cultures.English);

        public static EmailTexts In(Language language) => language == Language.English ? English : Indonesian;

        private static EmailTexts Read(CultureInfo culture)
        {
            string Text(string key) => Infrastructure.Web.Texts.In(culture, $"Email.Decision.{key}") ?? key;
            return new EmailTexts(
                Text("Subject"), Text("Approved"), Text("Rejected"), Text("Greeting"), Text("Summary"), Text("PermitsHeading"), Text("ReasonsHeading"),
                Text("Remedy"), Text("LegalBasis"), Text("Resubmit"), Text("Object"), Text("Approved.Next"), Text("Verify"), Text("Reference"), Text("Footer"));
        }
    }
}
