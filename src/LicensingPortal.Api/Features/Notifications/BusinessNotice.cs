using System.Text.Json;
using LicensingPortal.Api.Infrastructure.Email;
using Microsoft.Extensions.Options;
using MimeKit;

namespace LicensingPortal.Api.Features.Notifications;

/// <summary>
/// The e-mail of a business closed (its text is <see cref="Notices.BusinessClosed"/>), to the business's address, and of
/// its address changed (<see cref="Notices.BusinessEmailChanged"/>), to the address it had; each with the way to a new
/// password and to the officers when it was not the owner.
/// </summary>
public sealed class BusinessNotice(LicensingDbContext db, IOptions<EmailOptions> options, PublicAddress address)
{
    public async Task<MimeMessage> ComposeAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var business = await db.Businesses.AsNoTracking().SingleAsync(b => b.Id == message.SubjectId, cancellationToken);
        var recipient = await db.Users.AsNoTracking().SingleAsync(u => u.Id == message.RecipientId, cancellationToken);
        var english = recipient.PreferredLanguage == Languages.English;
        NoticeText text;
        string to;
        if (message.Type == NoticeKind.BusinessEmailChanged.Type)
        {
            var changed = Payload<BusinessEmailChangedPayload>(message);
            (text, to) = (Notices.BusinessEmailChanged(changed), changed.OldEmail);
        }
        else
        {
            var closed = Payload<BusinessClosedPayload>(message);
            (text, to) = (Notices.BusinessClosed(closed.BusinessName, closed.ClosedAt), business.Email);
        }

        var mail = OutboxMail.Envelope(message, options.Value, english ? text.TitleEn : text.TitleId, new MailboxAddress(business.OwnerName, to));
        string Say(string key) => Texts.In(english ? Cultures.English : Cultures.Indonesian, key) ?? string.Empty;
        // Someone else in the account: a new password first (the page opens without signing in); when they hold the
        // account's e-mail too, the way to ask for the account back without it; then a question to the officers.
        mail.Body = OutboxMail.Body(english ? text.BodyEn : text.BodyId, [
            (Say("Notice.BusinessClosed.NewPassword"), $"{address.BaseUrl()}/akun/lupa-sandi"),
            (Say("Notice.BusinessClosed.Recover"), $"{address.BaseUrl()}/akun/pulihkan"),
            (Say("Notice.BusinessClosed.Ask"), $"{address.BaseUrl()}/pemohon/tanya?tentang=usaha")]);
        return mail;
    }

    private static T Payload<T>(OutboxMessage message) =>
        JsonSerializer.Deserialize<T>(message.Payload ?? "{}", Json.Options) ?? throw new InvalidOperationException($"Outbox message {message.Id} has no payload.");
}
