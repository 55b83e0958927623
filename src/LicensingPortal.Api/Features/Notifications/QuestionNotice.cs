using System.Text.Json;
using LicensingPortal.Api.Infrastructure.Email;
using Microsoft.Extensions.Options;
using MimeKit;

namespace LicensingPortal.Api.Features.Notifications;

/// <summary>The e-mail of an answered question (its text is <see cref="Notices.QuestionAnswered"/>), to the account's address, with not to reply and the link to one's questions.</summary>
public sealed class QuestionNotice(LicensingDbContext db, IOptions<EmailOptions> options)
{
    public async Task<MimeMessage> ComposeAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var question = await db.Questions.AsNoTracking().SingleAsync(q => q.Id == message.SubjectId, cancellationToken);
        var recipient = await db.Users.AsNoTracking().SingleAsync(u => u.Id == message.RecipientId, cancellationToken);
        var english = recipient.PreferredLanguage == Languages.English;
        var text = Notices.QuestionAnswered(question);
        var mail = OutboxMail.Envelope(message, options.Value, english ? text.TitleEn : text.TitleId, new MailboxAddress(string.Empty, recipient.Email ?? throw new InvalidOperationException($"Account {recipient.Id} has no e-mail address.")));
        var link = JsonSerializer.Deserialize<QuestionPayload>(message.Payload ?? "{}", Json.Options)!.Url;
        var culture = english ? Cultures.English : Cultures.Indonesian;
        var (read, noReply) = (Texts.In(culture, "Notice.QuestionAnswered.Read") ?? string.Empty, Texts.In(culture, "Notice.QuestionAnswered.NoReply") ?? string.Empty);
        // The e-mail comes from an address nobody reads: it says so, and how to ask again.
        mail.Body = OutboxMail.Body($"{(english ? text.BodyEn : text.BodyId)}\n\n{noReply}", read, link);
        return mail;
    }
}
