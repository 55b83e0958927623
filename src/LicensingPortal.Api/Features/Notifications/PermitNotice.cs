using System.Net;
using System.Text.Json;
using LicensingPortal.Api.Infrastructure.Email;
using LicensingPortal.Api.Infrastructure.Permits;
using Microsoft.Extensions.Options;
using MimeKit;

namespace LicensingPortal.Api.Features.Notifications;

/// <summary>The e-mail of a notice about a permit (expiring in N days, expired, revoked); its text is <see cref="Notices.Permit"/>.</summary>
public sealed class PermitNotice(LicensingDbContext db, IOptions<EmailOptions> options, PermitLinks links)
{
    public async Task<MimeMessage> ComposeAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var permit = JsonSerializer.Deserialize<PermitPayload>(message.Payload ?? "{}", Json.Options)!;
        var stored = await db.Permits.AsNoTracking().SingleAsync(p => p.Id == message.SubjectId, cancellationToken);
        var business = await db.Businesses.AsNoTracking().SingleAsync(b => b.Id == stored.BusinessId, cancellationToken);
        var recipient = await db.Users.AsNoTracking().SingleAsync(u => u.Id == message.RecipientId, cancellationToken);
        var english = recipient.PreferredLanguage == Languages.English;
        var text = Notices.Permit(NoticeKind.Of(message.Type), permit, business.Name);
        var mail = OutboxMail.Envelope(message, options.Value, english ? text.TitleEn : text.TitleId, new MailboxAddress(business.OwnerName, business.Email));
        var body = english ? text.BodyEn : text.BodyId;
        var html = $"<p>{WebUtility.HtmlEncode(body)}</p>";
        var state = stored.RenewalStateOn(Wita.DateOf(message.CreatedAt));
        // The reminder leads straight to the renewal, which starts from the answers the permit was issued on; the
        // notice that it ended, to the same page, where a new application starts from them.
        // A revoked permit's owner who thinks it a mistake writes to the office, in writing, not at its counter.
        var (lead, link) = Notices.StepFrom(NoticeKind.Of(message.Type), state) switch
        {
            PermitStep.Renew => ("Notice.Expiring.Renew", links.Renewal(stored)),
            PermitStep.ApplyAgain => ("Notice.Expired.Reapply", links.Renewal(stored)),
            PermitStep.Ask => ("Notice.Revoked.Ask", links.AskAbout(stored)),
            _ => ((string?)null, (string?)null),
        };
        if (lead is not null && link is not null)
        {
            var say = Texts.In(english ? Cultures.English : Cultures.Indonesian, lead) ?? string.Empty;
            body += $"\n\n{say}:\n{link}";
            html += $"<p><a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(say)}</a></p>";
        }

        mail.Body = new BodyBuilder { TextBody = body + "\n", HtmlBody = html }.ToMessageBody();
        return mail;
    }
}
