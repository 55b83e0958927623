using System.Text.Json;
using LicensingPortal.Api.Infrastructure.Email;
using Microsoft.Extensions.Options;
using MimeKit;

namespace LicensingPortal.Api.Features.Notifications;

/// <summary>
/// The e-mail of a business closed (its text is <see cref="Notices.BusinessClosed"/>), to the business's address, with
/// the way to write to the office when the owner did not close it.
/// </summary>
public sealed class BusinessNotice(LicensingDbContext db, IOptions<EmailOptions> options, PublicAddress address)
{
    public async Task<MimeMessage> ComposeAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var closed = JsonSerializer.Deserialize<BusinessClosedPayload>(message.Payload ?? "{}", Json.Options)
            ?? throw new InvalidOperationException($"Outbox message {message.Id} has no payload.");
        var business = await db.Businesses.AsNoTracking().SingleAsync(b => b.Id == message.SubjectId, cancellationToken);
        var recipient = await db.Users.AsNoTracking().SingleAsync(u => u.Id == message.RecipientId, cancellationToken);
        var english = recipient.PreferredLanguage == Languages.English;
        var text = Notices.BusinessClosed(closed.BusinessName, closed.ClosedAt);
        var mail = OutboxMail.Envelope(message, options.Value, english ? text.TitleEn : text.TitleId, new MailboxAddress(business.OwnerName, business.Email));
        string Say(string key) => Texts.In(english ? Cultures.English : Cultures.Indonesian, key) ?? string.Empty;
        // Someone else in the account: a new password first (the page opens without signing in), then a question.
        mail.Body = OutboxMail.Body(english ? text.BodyEn : text.BodyId, [
            (Say("Notice.BusinessClosed.NewPassword"), $"{address.BaseUrl()}/akun/lupa-sandi"),
            (Say("Notice.BusinessClosed.Ask"), $"{address.BaseUrl()}/pemohon/tanya?tentang=usaha")]);
        return mail;
    }
}
