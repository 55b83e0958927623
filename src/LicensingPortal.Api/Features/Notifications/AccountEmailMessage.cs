using System.Text.Json;
using LicensingPortal.Api.Infrastructure.Email;
using Microsoft.Extensions.Options;
using MimeKit;

namespace LicensingPortal.Api.Features.Notifications;

/// <summary>Account e-mails (confirm the address, reset the password) in the account's language.</summary>
public sealed class AccountEmailMessage(LicensingDbContext db, IOptions<EmailOptions> options)
{
    public async Task<MimeMessage> ComposeAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var email = JsonSerializer.Deserialize<AccountEmail>(message.Payload ?? "{}", Json.Options)
            ?? throw new InvalidOperationException($"Outbox message {message.Id} has no payload.");
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == message.SubjectId, cancellationToken);
        var english = user.PreferredLanguage == Languages.English;
        var (subject, intro) = (email.Kind, english) switch
        {
            (AccountEmailKind.ConfirmEmail, false) => ("Konfirmasi alamat e-mail Anda", "Klik tautan berikut untuk mengonfirmasi alamat e-mail akun LicensingPortal Kota Kupang Anda:"),
            (AccountEmailKind.ConfirmEmail, true) => ("Confirm your e-mail address", "Open the following link to confirm the e-mail address of your Kota Kupang LicensingPortal account:"),
            (AccountEmailKind.ResetPasswordLink, false) => ("Atur ulang kata sandi", "Klik tautan berikut untuk mengatur ulang kata sandi Anda:"),
            (AccountEmailKind.ResetPasswordLink, true) => ("Reset your password", "Open the following link to reset your password:"),
            (_, false) => ("Kode atur ulang kata sandi", "Kode untuk mengatur ulang kata sandi Anda:"),
            (_, true) => ("Password reset code", "Your password reset code:"),
        };

        var mail = new MimeMessage { MessageId = $"{message.Id}@{DecisionEmail.MessageIdDomain}", Subject = subject };
        mail.From.Add(new MailboxAddress(options.Value.FromName, options.Value.FromAddress));
        mail.To.Add(MailboxAddress.Parse(email.Address));
        mail.Headers.Add("X-LicensingPortal-Notification-Id", message.Id.ToString());
        var codeLine = email.Code is null ? null : (english ? $"Or enter this code on the page: {email.Code}" : $"Atau masukkan kode ini di halaman: {email.Code}");
        var ignore = english ? "If you did not ask for this, ignore this message." : "Jika Anda tidak memintanya, abaikan pesan ini.";
        mail.Body = new BodyBuilder
        {
            TextBody = $"{intro}\n\n{email.LinkOrCode}\n\n{(codeLine is null ? string.Empty : codeLine + "\n\n")}{ignore}\n",
            HtmlBody = $"<p>{System.Net.WebUtility.HtmlEncode(intro)}</p><p><a href=\"{System.Net.WebUtility.HtmlEncode(email.LinkOrCode)}\">{System.Net.WebUtility.HtmlEncode(email.LinkOrCode)}</a></p>"
                + (codeLine is null ? string.Empty : $"<p>{System.Net.WebUtility.HtmlEncode(codeLine)}</p>")
                + $"<p><small>{System.Net.WebUtility.HtmlEncode(ignore)}</small></p>",
        }.ToMessageBody();
        return mail;
    }
}

public enum AccountEmailKind
{
    ConfirmEmail,
    ResetPasswordLink,
    ResetPasswordCode,
}

/// <summary>The payload of an account e-mail: to whom, the link or code it carries, and the code again for those who type it (API clients).</summary>
public sealed record AccountEmail(AccountEmailKind Kind, string Address, string LinkOrCode, string? Code = null);
