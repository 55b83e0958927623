using System.Text.Json;
using LicensingPortal.Api.Infrastructure.Email;
using LicensingPortal.Api.Infrastructure.Permits;
using Microsoft.Extensions.Options;
using MimeKit;

namespace LicensingPortal.Api.Features.Notifications;

/// <summary>The e-mail of a notice about a permit (expiring in N days, expired, revoked); its text is <see cref="Notices.Permit"/>.</summary>
public sealed class PermitNotice(LicensingDbContext db, IOptions<EmailOptions> options, PermitLinks permitLinks)
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
        var state = stored.RenewalStateOn(Wita.DateOf(message.CreatedAt));
        string Say(string key) => Texts.In(english ? Cultures.English : Cultures.Indonesian, key) ?? string.Empty;
        // The reminder leads straight to the renewal, which starts from the answers the permit was issued on; the
        // notice that it ended, to the same page, where a new application starts from them. A revoked permit's owner
        // who thinks it a mistake writes to the office, in writing, not at its counter; and is the likeliest to be
        // asked for money to have it back, so the way to report that is there too.
        List<(string Text, string Link)> links = Notices.StepFrom(NoticeKind.Of(message.Type), state) switch
        {
            PermitStep.Renew => [(Say("Notice.Expiring.Renew"), permitLinks.Renewal(stored))],
            PermitStep.ApplyAgain => [(Say("Notice.Expired.Reapply"), permitLinks.Renewal(stored))],
            PermitStep.Ask => [(Say("Notice.Revoked.Ask"), permitLinks.AskAbout(stored)), (Say("Notice.Revoked.Report"), $"{permitLinks.ServiceAddress()}/lapor")],
            _ => [],
        };
        mail.Body = OutboxMail.Body(body, links);
        return mail;
    }
}
