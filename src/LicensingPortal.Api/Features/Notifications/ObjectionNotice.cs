using System.Text.Json;
using LicensingPortal.Api.Infrastructure.Email;
using Microsoft.Extensions.Options;
using MimeKit;

namespace LicensingPortal.Api.Features.Notifications;

/// <summary>
/// The e-mail of an objection, or of its appeal to the mayor, received or answered (its text is
/// <see cref="Notices.ObjectionReceived"/>, <see cref="Notices.ObjectionAnswered"/>, <see cref="Notices.AppealReceived"/>
/// or <see cref="Notices.AppealAnswered"/>), with the link to the objection's page.
/// </summary>
public sealed class ObjectionNotice(LicensingDbContext db, IOptions<EmailOptions> options)
{
    public async Task<MimeMessage> ComposeAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var objection = await db.Objections.AsNoTracking().SingleAsync(o => o.ApplicationId == message.SubjectId, cancellationToken);
        var business = await db.Applications.AsNoTracking().Where(a => a.Id == message.SubjectId)
            .Join(db.Businesses, a => a.BusinessId, b => b.Id, (a, b) => b).SingleAsync(cancellationToken);
        var recipient = await db.Users.AsNoTracking().SingleAsync(u => u.Id == message.RecipientId, cancellationToken);
        var english = recipient.PreferredLanguage == Languages.English;
        var payload = JsonSerializer.Deserialize<ObjectionPayload>(message.Payload ?? "{}", Json.Options)!;
        var (text, readKey) = message.Type switch
        {
            var type when type == NoticeKind.ObjectionReceived.Type => (Notices.ObjectionReceived(objection, business.Name), "Notice.ObjectionReceived.Read"),
            var type when type == NoticeKind.AppealReceived.Type => (Notices.AppealReceived(objection, business.Name), "Notice.AppealReceived.Read"),
            var type when type == NoticeKind.AppealAnswered.Type => (Notices.AppealAnswered(objection, business.Name), "Notice.AppealAnswered.Read"),
            _ => (Notices.ObjectionAnswered(objection, business.Name, payload.AppealBy), objection.Outcome == ObjectionOutcome.Stands ? "Notice.ObjectionAnswered.Stands.Read" : "Notice.ObjectionAnswered.Read"),
        };
        var mail = OutboxMail.Envelope(message, options.Value, english ? text.TitleEn : text.TitleId, new MailboxAddress(business.OwnerName, business.Email));
        var link = payload.Url;
        var read = Texts.In(english ? Cultures.English : Cultures.Indonesian, readKey) ?? string.Empty;
        mail.Body = OutboxMail.Body(english ? text.BodyEn : text.BodyId, read, link);
        return mail;
    }
}
