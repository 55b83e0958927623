using System.Text.Json;
using LicensingPortal.Api.Infrastructure.Email;
using Microsoft.Extensions.Options;
using MimeKit;

namespace LicensingPortal.Api.Features.Notifications;

/// <summary>
/// The e-mail of an objection received or answered (its text is <see cref="Notices.ObjectionReceived"/> or
/// <see cref="Notices.ObjectionAnswered"/>), with the link to the objection's page.
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
        var received = message.Type == NoticeKind.ObjectionReceived.Type;
        var payload = JsonSerializer.Deserialize<ObjectionPayload>(message.Payload ?? "{}", Json.Options)!;
        var text = received ? Notices.ObjectionReceived(objection, business.Name) : Notices.ObjectionAnswered(objection, business.Name, payload.AppealBy);
        var mail = OutboxMail.Envelope(message, options.Value, english ? text.TitleEn : text.TitleId, new MailboxAddress(business.OwnerName, business.Email));
        var link = payload.Url;
        var read = Texts.In(english ? Cultures.English : Cultures.Indonesian, received ? "Notice.ObjectionReceived.Read" : objection.Outcome == ObjectionOutcome.Stands ? "Notice.ObjectionAnswered.Stands.Read" : "Notice.ObjectionAnswered.Read") ?? string.Empty;
        mail.Body = OutboxMail.Body(english ? text.BodyEn : text.BodyId, read, link);
        return mail;
    }
}
