using System.Globalization;
using System.Net;
using System.Text.Json;
using LicensingPortal.Api.Infrastructure.Email;
using Microsoft.Extensions.Options;
using MimeKit;

namespace LicensingPortal.Api.Features.Notifications;

/// <summary>Notices about a permit (expiring in N days, expired, revoked), in both languages, from the resource files.</summary>
public sealed class PermitNotice(LicensingDbContext db, IOptions<EmailOptions> options)
{
    public static NoticeText Text(string type, PermitPayload permit, string businessName)
    {
        ArgumentNullException.ThrowIfNull(permit);
        var kind = type switch
        {
            OutboxMessageTypes.PermitExpiring => "Expiring",
            OutboxMessageTypes.PermitExpired => "Expired",
            _ => "Revoked",
        };
        string In(CultureInfo culture, string key, params object?[] arguments) =>
            string.Format(culture, Texts.In(culture, key) ?? key, arguments);
        string Title(CultureInfo culture) => Texts.In(culture, $"PermitTitle.{permit.Type}") ?? permit.Type;
        string Until(CultureInfo culture) => permit.ValidUntil?.ToString("d MMMM yyyy", culture) ?? "-";
        string Body(CultureInfo culture) => In(culture, $"Notice.{kind}.Body", Title(culture), businessName, permit.Number, kind == "Revoked" ? permit.Reason : Until(culture));
        return new NoticeText(
            In(Cultures.Indonesian, $"Notice.{kind}.Title", permit.Number, permit.DaysLeft),
            In(Cultures.English, $"Notice.{kind}.Title", permit.Number, permit.DaysLeft),
            Body(Cultures.Indonesian),
            Body(Cultures.English));
    }

    public async Task<MimeMessage> ComposeAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var permit = JsonSerializer.Deserialize<PermitPayload>(message.Payload ?? "{}", Json.Options)!;
        var stored = await db.Permits.AsNoTracking().SingleAsync(p => p.Id == message.SubjectId, cancellationToken);
        var business = await db.Businesses.AsNoTracking().SingleAsync(b => b.Id == stored.BusinessId, cancellationToken);
        var recipient = await db.Users.AsNoTracking().SingleAsync(u => u.Id == message.RecipientId, cancellationToken);
        var english = recipient.PreferredLanguage == Languages.English;
        var text = Text(message.Type, permit, business.Name);
        var mail = new MimeMessage { MessageId = $"{message.Id}@{DecisionEmail.MessageIdDomain}", Subject = english ? text.TitleEn : text.TitleId };
        mail.From.Add(new MailboxAddress(options.Value.FromName, options.Value.FromAddress));
        mail.To.Add(new MailboxAddress(business.OwnerName, business.Email));
        mail.Headers.Add("X-LicensingPortal-Notification-Id", message.Id.ToString());
        var body = english ? text.BodyEn : text.BodyId;
        mail.Body = new BodyBuilder { TextBody = body + "\n", HtmlBody = $"<p>{WebUtility.HtmlEncode(body)}</p>" }.ToMessageBody();
        return mail;
    }
}
