using System.Text.Json;
using LicensingPortal.Api.Infrastructure.Email;
using Microsoft.Extensions.Options;
using MimeKit;

namespace LicensingPortal.Api.Features.Notifications;

/// <summary>Account e-mails (confirm the address, reset the password, an invitation, a changed password, a change of address asked for, an account asked back) in the account's language, from the resource files.</summary>
public sealed class AccountEmailMessage(LicensingDbContext db, IOptions<EmailOptions> options)
{
    public async Task<MimeMessage> ComposeAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var email = JsonSerializer.Deserialize<AccountEmail>(message.Payload ?? "{}", Json.Options)
            ?? throw new InvalidOperationException($"Outbox message {message.Id} has no payload.");
        // An owner asking for an account back writes from outside it, and may name none that exists: their page's language.
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == message.SubjectId, cancellationToken);
        var english = (user?.PreferredLanguage ?? email.Language) == Languages.English;
        var culture = english ? Cultures.English : Cultures.Indonesian;
        string Text(string key) => Texts.In(culture, key) ?? key;
        var kind = email.Kind switch
        {
            AccountEmailKind.ConfirmEmail => "Confirm",
            AccountEmailKind.ResetPasswordLink => "Reset",
            AccountEmailKind.StaffInvitation => "Invite",
            AccountEmailKind.PasswordChanged => "Changed",
            AccountEmailKind.ChangeEmailLink => "EmailLink",
            AccountEmailKind.EmailChangeAsked => "EmailAsked",
            AccountEmailKind.RecoveryReceived => "RecoveryReceived",
            AccountEmailKind.RecoveryAsked => "RecoveryAsked",
            AccountEmailKind.RecoveryGranted => "RecoveryGranted",
            AccountEmailKind.RecoveryDone => "RecoveryDone",
            AccountEmailKind.RecoveryRefused => "RecoveryRefused",
            _ => "Code",
        };
        var (subject, intro) = (Text($"Email.Account.{kind}.Subject"), Text($"Email.Account.{kind}.Intro"));
        if (email.Kind == AccountEmailKind.PasswordChanged)
        {
            // When it happened, in WITA, so the owner can tell whether it was them.
            intro = string.Format(culture, intro, Cultures.WitaIn(culture, message.CreatedAt));
        }
        else if (email.Kind is AccountEmailKind.EmailChangeAsked or AccountEmailKind.RecoveryReceived or AccountEmailKind.RecoveryAsked or AccountEmailKind.RecoveryGranted or AccountEmailKind.RecoveryDone)
        {
            intro = string.Format(culture, intro, Cultures.WitaIn(culture, message.CreatedAt), email.NewAddress);
        }
        else if (email.Kind == AccountEmailKind.RecoveryRefused)
        {
            intro = string.Format(culture, intro, email.Reason);
        }


        var mail = OutboxMail.Envelope(message, options.Value, subject, MailboxAddress.Parse(email.Address));
        // The code's line says where it goes when the kind has words of its own (the reset's names its page).
        var codeLine = email.Code is null ? null : string.Format(culture, Texts.In(culture, $"Email.Account.{kind}.OrCode") ?? Text("Email.Account.OrCode"), email.Code);
        var ignore = Texts.In(culture, $"Email.Account.{kind}.Ignore") ?? Text("Email.Account.Ignore");
        mail.Body = new BodyBuilder
        {
            TextBody = $"{intro}\n\n{email.LinkOrCode}\n\n{(codeLine is null ? string.Empty : codeLine + "\n\n")}{ignore}\n",
            // In HTML the link is named by what it does, not by its long address with an id and a token in it; a code
            // sent on its own is shown as a code. The plain text keeps the address, which is all it can show.
            HtmlBody = $"<p>{System.Net.WebUtility.HtmlEncode(intro)}</p>"
                + (Uri.TryCreate(email.LinkOrCode, UriKind.Absolute, out _)
                    ? $"<p><a href=\"{System.Net.WebUtility.HtmlEncode(email.LinkOrCode)}\"><strong>{System.Net.WebUtility.HtmlEncode(Texts.In(culture, $"Email.Account.{kind}.Button") ?? email.LinkOrCode)}</strong></a></p>"
                    : $"<p><strong>{System.Net.WebUtility.HtmlEncode(email.LinkOrCode)}</strong></p>")
                + (codeLine is null ? string.Empty : $"<p><small>{System.Net.WebUtility.HtmlEncode(codeLine).Replace("\n", "<br>", StringComparison.Ordinal)}</small></p>")
                + $"<p><small>{System.Net.WebUtility.HtmlEncode(ignore)}</small></p>",
        }.ToMessageBody();
        return mail;
    }
}
