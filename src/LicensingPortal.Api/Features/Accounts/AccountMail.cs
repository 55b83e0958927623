using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace LicensingPortal.Api.Features.Accounts;

/// <summary>
/// Account e-mails go out like every other message to applicants: an outbox row in the command's unit of work,
/// delivered by a background job. The confirmation link opens the service's page, which confirms the address.
/// </summary>
public sealed class AccountMail(LicensingDbContext db, UserManager<ApplicationUser> users, PublicAddress address, TimeProvider time)
{
    /// <summary>Where the confirmation link leads; the page sends <see cref="ConfirmEmail"/>.</summary>
    public const string ConfirmationPath = "/akun/konfirmasi";

    /// <summary>Where the reset link leads; the page sends <see cref="ResetPassword"/> with the code it carries.</summary>
    public const string ResetPath = "/akun/atur-sandi";

    public async Task SendConfirmationAsync(ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var code = Encode(await users.GenerateEmailConfirmationTokenAsync(user));
        Raise(user, new AccountEmail(AccountEmailKind.ConfirmEmail, user.Email!, $"{address.BaseUrl()}{ConfirmationPath}?userId={user.Id}&code={code}"));
    }

    public async Task SendPasswordResetCodeAsync(ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var code = Encode(await users.GeneratePasswordResetTokenAsync(user));
        var link = $"{address.BaseUrl()}{ResetPath}?email={Uri.EscapeDataString(user.Email!)}&code={code}";
        Raise(user, new AccountEmail(AccountEmailKind.ResetPasswordLink, user.Email!, link, code));
    }

    /// <summary>Where the notice of a changed password sends someone who did not change it: a new password by e-mail.</summary>
    public const string ForgotPath = "/akun/lupa-sandi";

    /// <summary>Tells the account's address that its password was just changed, with the way back if it was not the owner.</summary>
    public void SendPasswordChanged(ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        Raise(user, new AccountEmail(AccountEmailKind.PasswordChanged, user.Email!, $"{address.BaseUrl()}{ForgotPath}"));
    }

    /// <summary>Where the link to a new address leads; the page sends <see cref="ConfirmEmailChange"/> with what it carries.</summary>
    public const string ChangeEmailPath = "/akun/ganti-email";

    /// <summary>Where the notice of an asked change sends an owner who did not ask: a new password stops the request.</summary>
    public const string SecurityPath = "/akun/keamanan#sandi";

    /// <summary>
    /// The link that makes <paramref name="newAddress"/> the account's address, sent there (only its owner can open it);
    /// and a notice to the account's address, which says how to stop a change its owner did not ask for.
    /// </summary>
    public async Task SendEmailChangeAsync(ApplicationUser user, string newAddress)
    {
        ArgumentNullException.ThrowIfNull(user);
        var code = Encode(await users.GenerateChangeEmailTokenAsync(user, newAddress));
        Raise(user, new AccountEmail(AccountEmailKind.ChangeEmailLink, newAddress, $"{address.BaseUrl()}{ChangeEmailPath}?userId={user.Id}&email={Uri.EscapeDataString(newAddress)}&code={code}"));
        Raise(user, new AccountEmail(AccountEmailKind.EmailChangeAsked, user.Email!, $"{address.BaseUrl()}{SecurityPath}", NewAddress: newAddress));
    }

    /// <summary>Where an invitation's link leads; the page sends <see cref="AcceptInvitation"/> with the code it carries.</summary>
    public const string InvitationPath = "/akun/undangan";

    /// <summary>The invitation to a staff account, with the secret of its link (stored only as its hash).</summary>
    public void SendInvitation(ApplicationUser user, string token)
    {
        ArgumentNullException.ThrowIfNull(user);
        Raise(user, new AccountEmail(AccountEmailKind.StaffInvitation, user.Email!, $"{address.BaseUrl()}{InvitationPath}?kode={token}", token));
    }

    /// <summary>Where an owner asks for their account back (<see cref="AskAccountRecovery"/>), and asks again after a refusal.</summary>
    public const string RecoveryPath = "/akun/pulihkan";

    /// <summary>Where the notices of a recovery lead someone who wants to be sure of them: the service's help and contacts.</summary>
    public const string HelpPath = "/bantuan#kontak";

    /// <summary>Where the account's owner, told of a request they did not make, signs in (which stops it).</summary>
    public const string SignInPath = "/akun/masuk";

    /// <summary>Where the link that proves a request's new address leads; the page sends <see cref="ConfirmAccountRecovery"/>.</summary>
    public const string RecoveryConfirmPath = "/akun/pulihkan/konfirmasi";

    /// <summary>
    /// A request for an account back arrived: the address it gave gets what happens next and the link that sends the
    /// request on to the administrators (only who opens that mailbox can), in the language of the page it was asked on.
    /// </summary>
    public void SendRecoveryConfirmLink(AccountRecovery recovery, string token)
    {
        ArgumentNullException.ThrowIfNull(recovery);
        RaiseAboutRequest(recovery, new AccountEmail(AccountEmailKind.RecoveryReceived, recovery.NewEmail, $"{address.BaseUrl()}{RecoveryConfirmPath}?kode={token}", NewAddress: recovery.NewEmail, Language: recovery.Language));
    }

    /// <summary>
    /// A request confirmed, when an account has the address it named: that account's address is told who asked for it to
    /// go where (named in part: whoever reads that mailbox need not learn it whole) and how to stop it; not when it is
    /// the very address the answer goes to (the phone lost, the mailbox kept).
    /// </summary>
    public void SendRecoveryAsked(AccountRecovery recovery, ApplicationUser account)
    {
        ArgumentNullException.ThrowIfNull(recovery);
        ArgumentNullException.ThrowIfNull(account);
        if (!string.Equals(users.NormalizeEmail(recovery.NewEmail), account.NormalizedEmail, StringComparison.Ordinal))
        {
            RaiseAboutAccount(account, new AccountEmail(AccountEmailKind.RecoveryAsked, account.Email!, $"{address.BaseUrl()}{SignInPath}", NewAddress: Notices.MaskedEmail(recovery.NewEmail)));
        }
    }

    /// <summary>
    /// A granted request: the link that sets a new password goes to the account's new address; the old address, when
    /// the address changed, is told it no longer signs in, and where the account went.
    /// </summary>
    public async Task SendRecoveryGrantedAsync(AccountRecovery recovery, ApplicationUser account, string oldAddress)
    {
        ArgumentNullException.ThrowIfNull(recovery);
        ArgumentNullException.ThrowIfNull(account);
        var code = Encode(await users.GeneratePasswordResetTokenAsync(account));
        var link = $"{address.BaseUrl()}{ResetPath}?email={Uri.EscapeDataString(account.Email!)}&code={code}";
        RaiseAboutAccount(account, new AccountEmail(AccountEmailKind.RecoveryGranted, account.Email!, link, NewAddress: account.Email));
        if (!string.Equals(oldAddress, account.Email, StringComparison.OrdinalIgnoreCase))
        {
            RaiseAboutAccount(account, new AccountEmail(AccountEmailKind.RecoveryDone, oldAddress, $"{address.BaseUrl()}{HelpPath}", NewAddress: Notices.MaskedEmail(account.Email!)));
        }
    }

    /// <summary>A refused request: why, to the address it gave, with the way to ask again.</summary>
    public void SendRecoveryRefused(AccountRecovery recovery)
    {
        ArgumentNullException.ThrowIfNull(recovery);
        RaiseAboutRequest(recovery, new AccountEmail(AccountEmailKind.RecoveryRefused, recovery.NewEmail, $"{address.BaseUrl()}{RecoveryPath}", Language: recovery.Language, Reason: recovery.RefusalReason));
    }

    /// <summary>A token as it travels in links and e-mails (base64url of its UTF-8), and back; null when it is not one.</summary>
    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string? Decode(string code)
    {
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// What is said to the address a request gave, before it is granted, is about the request, in the language of the
    /// page it was asked on: filed under the account found, its language would tell the asker an account was found.
    /// </summary>
    private void RaiseAboutRequest(AccountRecovery recovery, AccountEmail email) =>
        db.OutboxMessages.Add(OutboxMessage.Raise(NoticeKind.EmailConfirmation, NotificationChannels.Email, recovery.Id, null, JsonSerializer.Serialize(email, Json.Options), time.GetUtcNow()));

    /// <summary>What is said to the account's own address, or once granted, is about the account, in its language.</summary>
    private void RaiseAboutAccount(ApplicationUser account, AccountEmail email) =>
        db.OutboxMessages.Add(OutboxMessage.Raise(NoticeKind.EmailConfirmation, NotificationChannels.Email, account.Id, account.Id, JsonSerializer.Serialize(email, Json.Options), time.GetUtcNow()));

    private void Raise(ApplicationUser user, AccountEmail email) =>
        db.OutboxMessages.Add(OutboxMessage.Raise(NoticeKind.EmailConfirmation, NotificationChannels.Email, user.Id, user.Id, JsonSerializer.Serialize(email, Json.Options), time.GetUtcNow()));
}

/// <summary>The answer of a refused account request: a validation problem keyed by Identity's error codes.</summary>
public static class IdentityErrors
{
    public static Infrastructure.Errors.Error ToError(this IdentityResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var errors = result.Errors.GroupBy(e => e.Code).ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray(), StringComparer.Ordinal);
        return new Infrastructure.Errors.Error(
            Infrastructure.Errors.ErrorCodes.ValidationFailed,
            StatusCodes.Status400BadRequest,
            Infrastructure.Errors.Error.InvalidTitle,
            string.Join(" ", result.Errors.Select(e => e.Description)),
            errors);
    }
}
