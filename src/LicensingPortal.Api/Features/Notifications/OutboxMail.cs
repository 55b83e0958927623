using System.Net;
using LicensingPortal.Api.Infrastructure.Email;
using MimeKit;

namespace LicensingPortal.Api.Features.Notifications;

/// <summary>
/// The envelope every notification e-mail has: the outbox message's id as its Message-ID and in a header of its own
/// (so a receiver drops a repeat), the service as sender, one recipient and the subject. Each composer fills the body.
/// </summary>
public static class OutboxMail
{
    public static MimeMessage Envelope(OutboxMessage message, EmailOptions options, string subject, MailboxAddress to)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(options);
        var mail = new MimeMessage { MessageId = $"{message.Id}@{DecisionEmail.MessageIdDomain}", Subject = subject };
        mail.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        mail.To.Add(to);
        mail.Headers.Add("X-LicensingPortal-Notification-Id", message.Id.ToString());
        return mail;
    }

    /// <summary>
    /// A notice's body (paragraphs apart by a blank line, lines within one by a line break) with one link after it, as
    /// plain text and as HTML.
    /// </summary>
    public static MimeEntity Body(string body, string linkText, string link) => Body(body, [(linkText, link)]);

    /// <summary>A notice's body with its links after it, each its words and then its whole address on a line of its own.</summary>
    public static MimeEntity Body(string body, IReadOnlyList<(string Text, string Link)> links)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(links);
        var html = string.Join(string.Empty, body.Split("\n\n").Select(p => $"<p>{WebUtility.HtmlEncode(p).Replace("\n", "<br>", StringComparison.Ordinal)}</p>"))
            + string.Join(string.Empty, links.Select(l => $"<p><a href=\"{WebUtility.HtmlEncode(l.Link)}\">{WebUtility.HtmlEncode(l.Text)}</a></p>"));
        var text = body + "\n" + string.Join(string.Empty, links.Select(l => $"\n{l.Text.TrimEnd(':')}:\n{l.Link}\n"));
        return new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
    }
}
