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
public sealed class DecisionEmail(LicensingDbContext db, RuleSetCatalog rules, IOptions<EmailOptions> options, PublicAddress address)
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
        // A refused renewal says until when the permit it would have renewed still holds; an approved one, from when the
        // new permit holds.
        var renewing = applications.Values.Where(a => a.Decision is { Approved: false } && a.RenewsPermitId is not null).Select(a => a.RenewsPermitId!.Value).ToList();
        var renewed = renewing.Count == 0 ? [] : await db.Permits.AsNoTracking().Where(p => renewing.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var renewals = applications.Values.Where(a => a.Decision is { Approved: true } && a.RenewsPermitId is not null).Select(a => a.Id).ToList();
        var startsOn = renewals.Count == 0 ? [] : await db.Permits.AsNoTracking().Where(p => renewals.Contains(p.ApplicationId)).ToDictionaryAsync(p => p.ApplicationId, p => p.ValidFrom, cancellationToken);
        foreach (var message in messages)
        {
            if (applications.TryGetValue(message.SubjectId, out var application)
                && application.Decision is not null
                && businesses.TryGetValue(application.BusinessId, out var business)
                && (message.RecipientId is not { } recipient || languages.ContainsKey(recipient))
                && await rules.FindByHashAsync(application.Decision.RuleSetHash, db, cancellationToken) is not null)
            {
                var preferred = message.RecipientId is { } id ? languages[id] : application.Language;
                composed[message.Id] = await ComposeAsync(message, application, business, preferred, calendar, renewed, startsOn, cancellationToken);
            }
        }

        return composed;
    }

    private async Task<MimeMessage> ComposeAsync(OutboxMessage message, PermitApplication application, Business business, string preferred, WorkingCalendar calendar, Dictionary<Guid, Permit> renewed, Dictionary<Guid, DateOnly> startsOn, CancellationToken cancellationToken)
    {
        var decision = application.Decision ?? throw new InvalidOperationException($"Application {application.Id} has no decision.");
        var ruleSet = await rules.FindByHashAsync(decision.RuleSetHash, db, cancellationToken)
            ?? throw new InvalidOperationException($"Rule set {decision.RuleSetHash} is not stored.");
        var language = Languages.Parse(preferred);
        var culture = Cultures.Of(language);
        var view = DecisionExplanation.Of(decision, ruleSet, language);
        var texts = EmailTexts.In(language);
        var activities = string.Join(", ", application.KbliCodes.Select(code => PlainWords.Activity(code, ruleSet, language)));
        // Every link is whole (a phone's mail app has no page to be relative to): the decision's page, where the
        // permits are downloaded or the refusal corrected and objected to, a question to the office, a report of a demand.
        var service = address.BaseUrl();
        var decisionPage = $"{service}/pemohon/permohonan/{application.Id}";

        // The subject says what happened to which business in words, short enough for a phone's list of mail.
        var mail = OutboxMail.Envelope(
            message,
            options.Value,
            string.Format(culture, texts.Subject(decision.Approved, application.Kind), business.Name),
            new MailboxAddress(business.OwnerName, business.Email));

        var text = new StringBuilder();
        var html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">");
        void Paragraph(string paragraph)
        {
            text.AppendLine().AppendLine(paragraph);
            html.Append(CultureInfo.InvariantCulture, $"<p>{Encode(paragraph).Replace("\n", "<br>", StringComparison.Ordinal)}</p>");
        }

        // A link's words and then its address on a line of its own (what a plain-text reader taps); in HTML, the words
        // linked. After a paragraph that ends by pointing at it ("... here:"), the plain text needs only the address.
        void Link(string say, string url, bool pointedAt = false)
        {
            if (!pointedAt)
            {
                text.AppendLine().AppendLine(say);
            }

            text.AppendLine(url);
            html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{Encode(url)}\">{Encode(say.TrimEnd(':'))}</a></p>");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"{texts.Greeting} {business.OwnerName},");
        html.Append(CultureInfo.InvariantCulture, $"<p>{Encode(texts.Greeting)} {Encode(business.OwnerName)},</p>");
        Paragraph(string.Format(CultureInfo.InvariantCulture, texts.Summary, business.Name, activities, decision.Approved ? texts.Approved : texts.Rejected));

        string? lastDayToObject = null;
        if (decision.Approved)
        {
            // The permits this decision issued, with how long each holds; a renewal or a change issues only some, and
            // a permit it did not issue is not listed as if it were withheld. An NIB held already is named as still in force.
            var issued = (JsonSerializer.Deserialize<DecisionPayload>(message.Payload ?? "{\"permits\":[]}", Json.Options)?.Permits ?? []).ToDictionary(p => p.Type);
            var listed = view.RequiredPermits.Where(p => issued.ContainsKey(p.Type)).ToList();
            if (listed.Count == 0)
            {
                Paragraph(application.Kind == ApplicationKind.Change ? texts.ChangeNoNewPermits : texts.NoNewPermits);
            }
            else
            {
                text.AppendLine().AppendLine(texts.PermitsHeading);
                html.Append(CultureInfo.InvariantCulture, $"<p>{Encode(texts.PermitsHeading)}</p><ul>");
                foreach (var permit in listed)
                {
                    var number = issued[permit.Type];
                    var holds = number.ValidUntil is { } until ? string.Format(culture, texts.ValidUntil, until.ToString("d MMMM yyyy", culture)) : texts.NoExpiry;
                    text.AppendLine(CultureInfo.InvariantCulture, $"- {permit.Title}: {number.Number}, {holds} ({texts.Verify}: {number.VerificationUrl})");
                    html.Append(CultureInfo.InvariantCulture, $"<li>{Encode(permit.Title)}: <strong>{Encode(number.Number)}</strong>, {Encode(holds)} — <a href=\"{Encode(number.VerificationUrl)}\">{Encode(texts.Verify)}</a></li>");
                }

                html.Append("</ul>");
            }

            if (!issued.ContainsKey(PermitTypes.Nib) && business.Nib is { Length: > 0 } nib)
            {
                Paragraph(string.Format(CultureInfo.InvariantCulture, texts.NibHeld, nib));
            }

            // What next, as the decision's page says it: a renewal that starts after the old permit ends is put up
            // then, not now; with nothing issued there is nothing to download.
            var decided = Wita.DateOf(decision.DecidedAt);
            if (listed.Count == 0)
            {
                Link(texts.Open, decisionPage);
            }
            else if (startsOn.TryGetValue(application.Id, out var from) && from > decided)
            {
                Paragraph(string.Format(culture, texts.NextRenewal, from.ToString("d MMMM yyyy", culture), from.AddDays(-1).ToString("d MMMM yyyy", culture)));
                Link(texts.OpenApproved, decisionPage);
            }
            else
            {
                Paragraph(texts.ApprovedNext);
                Link(texts.OpenApproved, decisionPage);
            }
        }
        else
        {
            // A refused renewal or change takes nothing away: the owner reads first, before the reasons, that what they
            // hold still holds (a refused renewal is no order to close the shop today).
            if (application.Kind == ApplicationKind.Change)
            {
                Paragraph(texts.ChangeRefused);
            }
            else if (application.RenewsPermitId is { } renews && renewed.GetValueOrDefault(renews) is { ValidUntil: { } oldUntil } old && old.StillHoldsAfterARefusedRenewal(Wita.DateOf(decision.DecidedAt)))
            {
                Paragraph(string.Format(culture, texts.RenewalRefused, oldUntil.ToString("d MMMM yyyy", culture)));
            }

            text.AppendLine().AppendLine(texts.ReasonsHeading);
            html.Append(CultureInfo.InvariantCulture, $"<p>{Encode(texts.ReasonsHeading)}</p><ol>");
            foreach (var failed in view.FailedRequirements)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {failed.Title}: {failed.Message}")
                    .AppendLine(CultureInfo.InvariantCulture, $"  {texts.Remedy}: {failed.Remedy}")
                    .AppendLine(CultureInfo.InvariantCulture, $"  {texts.LegalBasis}: {failed.LegalBasis.Regulation}, {failed.LegalBasis.Article}");
                html.Append(CultureInfo.InvariantCulture, $"<li><strong>{Encode(failed.Title)}</strong><br>{Encode(failed.Message)}<br><em>{Encode(texts.Remedy)}:</em> {Encode(failed.Remedy)}<br><small>{Encode(texts.LegalBasis)}: {Encode(failed.LegalBasis.Regulation)}, {Encode(failed.LegalBasis.Article)}</small></li>");
            }

            html.Append("</ol>");
            Paragraph(texts.Resubmit);
            Link(texts.OpenRejected, decisionPage);
            // The notice starts the time to object: it says the right and the last day (UU 30/2014 Pasal 77), with the
            // objection's own page a tap away.
            lastDayToObject = Objection.LastDayToFile(decision.DecidedAt, calendar).ToString("d MMMM yyyy", culture);
            Paragraph(string.Format(culture, texts.Object, lastDayToObject));
            Link(texts.ObjectLink, $"{decisionPage}/keberatan");
        }

        Paragraph(string.Format(CultureInfo.InvariantCulture, texts.Reference, ApplicationReference.Of(application.Id)));
        Link(texts.Ask, $"{service}/pemohon/tanya?tentang=keputusan&permohonan={application.Id}", pointedAt: true);
        if (lastDayToObject is not null)
        {
            // Asking is said not to stop the time to object (as the decision's page says it).
            Paragraph(string.Format(culture, texts.AskNoDelay, lastDayToObject));
        }

        text.AppendLine().AppendLine(texts.Footer).AppendLine(CultureInfo.InvariantCulture, $"{service}/lapor");
        html.Append(CultureInfo.InvariantCulture, $"<hr><p><small>{Encode(texts.Footer)} <a href=\"{Encode(service)}/lapor\">{Encode(service)}/lapor</a></small></p></body></html>");

        mail.Body = new BodyBuilder { TextBody = text.ToString(), HtmlBody = html.ToString() }.ToMessageBody();
        return mail;
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);

    /// <summary>The decision e-mail's texts in one language, from the resource files.</summary>
    private sealed record EmailTexts(
        CultureInfo Culture,
        string Approved,
        string Rejected,
        string Greeting,
        string Summary,
        string PermitsHeading,
        string ValidUntil,
        string NoExpiry,
        string NibHeld,
        string NoNewPermits,
        string ChangeNoNewPermits,
        string ReasonsHeading,
        string Remedy,
        string LegalBasis,
        string ChangeRefused,
        string RenewalRefused,
        string Resubmit,
        string OpenApproved,
        string OpenRejected,
        string Open,
        string NextRenewal,
        string AskNoDelay,
        string Object,
        string ObjectLink,
        string ApprovedNext,
        string Verify,
        string Reference,
        string Ask,
        string Footer)
    {
        private static readonly EmailTexts Indonesian = Read(Cultures.Indonesian);
        private static readonly EmailTexts English = Read(Cultures.English);

        public static EmailTexts In(Language language) => language == Language.English ? English : Indonesian;

        /// <summary>The subject: the decision notice's title, for the application's kind (<see cref="Notices.TitleKey"/>).</summary>
        public string Subject(bool approved, ApplicationKind kind)
        {
            var key = Notices.TitleKey(approved ? "Approved" : "Rejected", kind);
            return Infrastructure.Web.Texts.In(Culture, key) ?? key;
        }

        private static EmailTexts Read(CultureInfo culture)
        {
            string Text(string key) => Infrastructure.Web.Texts.In(culture, key) ?? key;
            string Email(string key) => Text($"Email.Decision.{key}");
            return new EmailTexts(
                culture, Email("Approved"), Email("Rejected"), Email("Greeting"), Email("Summary"),
                Email("PermitsHeading"), Email("ValidUntil"), Email("NoExpiry"), Email("NibHeld"), Text("Decision.NoNewPermits"), Text("Change.NoNewPermits"),
                Email("ReasonsHeading"), Email("Remedy"), Email("LegalBasis"), Text("Change.RefusedNothingChanged"), Text("Renewal.RefusedStillHolds"), Email("Resubmit"),
                Email("Open.Approved"), Email("Open.Rejected"), Email("Open"), Text("Decision.NextRenewal"), Email("AskNoDelay"), Email("Object"), Email("ObjectLink"), Email("Approved.Next"), Email("Verify"), Email("Reference"), Email("Ask"), Email("Footer"));
        }
    }
}
