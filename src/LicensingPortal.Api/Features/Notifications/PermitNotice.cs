using System.Globalization;
using System.Net;
using System.Text.Json;
using LicensingPortal.Api.Infrastructure.Email;
using Microsoft.Extensions.Options;
using MimeKit;

namespace LicensingPortal.Api.Features.Notifications;

/// <summary>Notices about a permit (expiring in N days, expired, revoked), in both languages.</summary>
public sealed class PermitNotice(LicensingDbContext db, IOptions<EmailOptions> options)
{
    public static NoticeText Text(string type, PermitPayload permit, string businessName)
    {
        ArgumentNullException.ThrowIfNull(permit);
        var until = permit.ValidUntil?.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("id-ID")) ?? "-";
        var untilEn = permit.ValidUntil?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) ?? "-";
        return type switch
        {
            OutboxMessageTypes.PermitExpiring => new NoticeText(
                $"Izin {permit.Number} berakhir dalam {permit.DaysLeft} hari",
                $"Permit {permit.Number} expires in {permit.DaysLeft} days",
                $"Izin {permit.Type} nomor {permit.Number} untuk {businessName} berlaku sampai {until}. Ajukan perpanjangan sebelum tanggal tersebut agar usaha tetap berizin.",
                $"Permit {permit.Type} number {permit.Number} of {businessName} is valid until {untilEn}. Apply for renewal before then so the business stays licensed."),
            OutboxMessageTypes.PermitExpired => new NoticeText(
                $"Izin {permit.Number} telah berakhir",
                $"Permit {permit.Number} has expired",
                $"Izin {permit.Type} nomor {permit.Number} untuk {businessName} berakhir pada {until}. Kegiatan yang memerlukan izin ini harus dihentikan sampai izin baru terbit.",
                $"Permit {permit.Type} number {permit.Number} of {businessName} expired on {untilEn}. Activities that need it must stop until a new permit is issued."),
            _ => new NoticeText(
                $"Izin {permit.Number} dicabut",
                $"Permit {permit.Number} was revoked",
                $"Izin {permit.Type} nomor {permit.Number} untuk {businessName} dicabut. Alasan: {permit.Reason}",
                $"Permit {permit.Type} number {permit.Number} of {businessName} was revoked. Reason: {permit.Reason}"),
        };
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
