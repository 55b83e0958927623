using System.Text.Json;
using LicensingPortal.Api.Infrastructure.Email;
using Microsoft.Extensions.Options;
using MimeKit;

namespace LicensingPortal.Api.Features.Notifications;

/// <summary>
/// The e-mail of an inspector's visit booked, recorded or called off (its text is <see cref="Notices.InspectionBooked"/>,
/// <see cref="Notices.InspectionRecorded"/> or <see cref="Notices.InspectionCalledOff"/>), to the business's address, with the permits' page and the way to report
/// a demand for money.
/// </summary>
public sealed class InspectionNotice(LicensingDbContext db, IOptions<EmailOptions> options, PublicAddress address)
{
    public async Task<MimeMessage> ComposeAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var visit = JsonSerializer.Deserialize<InspectionPayload>(message.Payload ?? "{}", Json.Options)
            ?? throw new InvalidOperationException($"Outbox message {message.Id} has no payload.");
        var permit = await db.Permits.AsNoTracking().SingleAsync(p => p.Id == message.SubjectId, cancellationToken);
        var business = await db.Businesses.AsNoTracking().SingleAsync(b => b.Id == permit.BusinessId, cancellationToken);
        var recipient = await db.Users.AsNoTracking().SingleAsync(u => u.Id == message.RecipientId, cancellationToken);
        var english = recipient.PreferredLanguage == Languages.English;
        var kind = NoticeKind.Of(message.Type);
        var text = kind == NoticeKind.InspectionBooked ? Notices.InspectionBooked(visit)
            : kind == NoticeKind.InspectionCalledOff ? Notices.InspectionCalledOff(visit)
            : Notices.InspectionRecorded(visit);
        var mail = OutboxMail.Envelope(message, options.Value, english ? text.TitleEn : text.TitleId, new MailboxAddress(business.OwnerName, business.Email));
        string Say(string key) => Texts.In(english ? Cultures.English : Cultures.Indonesian, key) ?? string.Empty;
        mail.Body = OutboxMail.Body(english ? text.BodyEn : text.BodyId, [
            (Say("Inbox.OpenPermits"), $"{address.BaseUrl()}/pemohon/izin"),
            (Say("Permits.Inspection.Report"), $"{address.BaseUrl()}/lapor")]);
        return mail;
    }
}
