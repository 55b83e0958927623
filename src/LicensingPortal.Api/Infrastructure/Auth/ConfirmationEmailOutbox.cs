using System.Net;
using System.Text.Json;
using LicensingPortal.Api.Data;
using LicensingPortal.Api.Domain;
using LicensingPortal.Api.Infrastructure.Jobs;
using Microsoft.AspNetCore.Identity;

namespace LicensingPortal.Api.Infrastructure.Auth;

/// <summary>
/// Identity's e-mail hook: the confirmation link goes out through the notification path (an outbox row and a
/// background job), like every other message to applicants. Password-reset mails use the same path.
/// </summary>
public sealed class ConfirmationEmailOutbox(LicensingDbContext db, IJobScheduler jobs, TimeProvider time) : IEmailSender<ApplicationUser>
{
    /// <summary>Identity hands the link over HTML-encoded; it is stored plain and encoded again where HTML needs it.</summary>
    public Task SendConfirmationLinkAsync(ApplicationUser user, string email, string confirmationLink) =>
        QueueAsync(user, new AccountEmail(AccountEmailKind.ConfirmEmail, email, WebUtility.HtmlDecode(confirmationLink)));

    public Task SendPasswordResetLinkAsync(ApplicationUser user, string email, string resetLink) =>
        QueueAsync(user, new AccountEmail(AccountEmailKind.ResetPasswordLink, email, WebUtility.HtmlDecode(resetLink)));

    public Task SendPasswordResetCodeAsync(ApplicationUser user, string email, string resetCode) =>
        QueueAsync(user, new AccountEmail(AccountEmailKind.ResetPasswordCode, email, resetCode));

    private async Task QueueAsync(ApplicationUser user, AccountEmail email)
    {
        var message = OutboxMessage.Raise(OutboxMessageTypes.EmailConfirmation, NotificationChannels.Email, user.Id, user.Id, JsonSerializer.Serialize(email, Json.Options), time.GetUtcNow());
        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync();
        jobs.EnqueueOutboxDelivery(message.Id);
    }
}

public enum AccountEmailKind
{
    ConfirmEmail,
    ResetPasswordLink,
    ResetPasswordCode,
}

/// <summary>The payload of an account e-mail: to whom, and the link or code it carries.</summary>
public sealed record AccountEmail(AccountEmailKind Kind, string Address, string LinkOrCode);
