using System.Security.Claims;
using LicensingPortal.Api.Infrastructure.Auth;

namespace LicensingPortal.Api.Features.Accounts;

/// <summary>
/// An administrator answers a request for an account back, once. Granted: the new address becomes the account's
/// (confirmed: the owner wrote it and opens it), the password is removed and two-step sign-in lifted when the phone
/// was lost, every sign-in of the account ends, and a link to set a new password goes to the new address; the old
/// address is told it no longer signs in; other requests for the account still waiting are answered by it; the change
/// is kept among the staff changes and in the transparency log. Refused: the reason, in words the owner reads, goes to the new address. A grant is refused when no applicant
/// account has the address named, when the account signed in after the request (its owner may still have it) unless the
/// administrator contacted the requester and is sure (<see cref="Request.SignedInChecked"/>), or when
/// another account has the new address. Two answers at once take turns on the request's row.
/// </summary>
public static class DecideAccountRecovery
{
    /// <param name="Grant">True to grant, false to refuse.</param>
    /// <param name="Reason">Why it is refused, in words the owner reads.</param>
    /// <param name="SignedInChecked">
    /// For an account used after the request: the administrator contacted the requester and is sure they are the owner
    /// (an account a broker opened and still uses); without it such a grant is refused.
    /// </param>
    public sealed record Request(bool? Grant, string? Reason, bool SignedInChecked = false);

    public sealed record Command(Guid AdminId, Guid Id, bool? Grant, string? Reason, bool SignedInChecked = false) : ICommand<Result<AccountRecoveryView>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Grant).NotNull().WithMessage(_ => Texts.Get("Validation.Recovery.Decision"));
            RuleFor(c => c.Reason).Must(r => r?.Trim().Length is >= AccountRecovery.ReasonMinLength and <= AccountRecovery.ReasonMaxLength)
                .When(c => c.Grant == false).WithMessage(_ => Texts.Format("Validation.Recovery.Reason", AccountRecovery.ReasonMinLength));
        }
    }

    public sealed class Handler(
        LicensingDbContext db,
        Microsoft.AspNetCore.Identity.UserManager<ApplicationUser> users,
        TwoFactor twoFactor,
        Sessions sessions,
        StaffAccounts staff,
        AccountMail mail,
        Infrastructure.Storage.IDocumentStorage storage,
        Infrastructure.Jobs.AfterCommit afterCommit,
        TimeProvider time)
        : ICommandHandler<Command, Result<AccountRecoveryView>>
    {
        public async ValueTask<Result<AccountRecoveryView>> Handle(Command command, CancellationToken cancellationToken)
        {
            // Two administrators answering at once take turns, always in one order (no deadlock): first on the account's row,
            // then on every request for the account (this one among them) in one statement; the second then reads the
            // first's answer.
            var named = await db.AccountRecoveries.AsNoTracking().Where(r => r.Id == command.Id).Select(r => new { r.AccountId }).SingleOrDefaultAsync(cancellationToken);
            if (named?.AccountId is { } lockedAccount)
            {
                await db.Users.Where(u => u.Id == lockedAccount).ExecuteUpdateAsync(set => set.SetProperty(u => u.ConcurrencyStamp, u => u.ConcurrencyStamp), cancellationToken);
            }

            await db.AccountRecoveries.Where(r => r.Id == command.Id || (named != null && named.AccountId != null && r.AccountId == named.AccountId))
                .ExecuteUpdateAsync(set => set.SetProperty(r => r.Status, r => r.Status), cancellationToken);
            var recovery = await db.AccountRecoveries.SingleOrDefaultAsync(r => r.Id == command.Id && r.Status != AccountRecoveryStatus.Unconfirmed, cancellationToken);
            if (recovery is null)
            {
                return AccountRecoveries.NotFound;
            }

            if (!recovery.IsWaiting)
            {
                return new Error(ErrorCodes.RecoveryAnswered, StatusCodes.Status409Conflict, "The request was answered already.", Texts.Get("Recovery.Answered"));
            }

            var now = time.GetUtcNow();
            if (command.Grant == false)
            {
                recovery.Refuse(command.AdminId, command.Reason!, now);
                mail.SendRecoveryRefused(recovery);
                return await AccountRecoveries.ViewAsync(db, users, recovery, cancellationToken);
            }

            if (recovery.AccountId is not { } accountId)
            {
                return new Error(ErrorCodes.RecoveryNoAccount, StatusCodes.Status409Conflict, "No applicant account has the address the request names.", Texts.Get("Recovery.NoAccount"));
            }

            if (await users.FindByIdAsync(accountId.ToString()) is not { } account)
            {
                return new Error(ErrorCodes.RecoveryNoAccount, StatusCodes.Status409Conflict, "No applicant account has the address the request names.", Texts.Get("Recovery.NoAccount"));
            }

            if (!command.SignedInChecked && await AccountRecoveries.SignedInSinceAsync(db, recovery, cancellationToken))
            {
                return new Error(ErrorCodes.RecoveryAccountSignedIn, StatusCodes.Status409Conflict, "The account signed in after the request: its owner may still have it. Contact the requester; grant with signedInChecked only when sure.", Texts.Get("Recovery.SignedInSince"));
            }

            if (await users.FindByEmailAsync(recovery.NewEmail) is { } other && other.Id != account.Id)
            {
                return new Error(ErrorCodes.EmailTaken, StatusCodes.Status409Conflict, "Another account has the new address.", Texts.Get("Recovery.NewEmailTaken"));
            }

            // Every check is made before anything changes: a unit of work keeps what a failed use case changed.
            if (!AccountRecoveries.IsSignInName(users, recovery.NewEmail))
            {
                return Error.Invalid("newEmail", Texts.Get("Validation.Recovery.NewEmail"));
            }

            var oldAddress = account.Email!;
            if (!string.Equals(users.NormalizeEmail(recovery.NewEmail), account.NormalizedEmail, StringComparison.Ordinal))
            {
                // The address is the sign-in name too; confirmed, as its owner wrote it and opens the answer sent there.
                account.Email = recovery.NewEmail;
                account.UserName = recovery.NewEmail;
                account.EmailConfirmed = true;
            }

            // Locked by wrong passwords while the owner tried to get in: the new start is a clean one. A webhook set by
            // whoever held the account would go on receiving the owner's notices: it goes too (the owner sets their own).
            account.LockoutEnd = null;
            account.AccessFailedCount = 0;
            account.WebhookUrl = null;
            account.WebhookSecret = null;
            var updated = await users.UpdateAsync(account);
            if (!updated.Succeeded)
            {
                await db.Entry(account).ReloadAsync(cancellationToken);
                return updated.ToError();
            }

            // The password goes (replaced by one nobody knows): whoever knew it (one who read the old mailbox, or took
            // the phone) no longer signs in; the link sent to the new address sets the owner's own. Two-step sign-in
            // goes when the phone was lost.
            Check(await users.ResetPasswordAsync(account, await users.GeneratePasswordResetTokenAsync(account), NobodysPassword()));
            if (recovery.PhoneLost && account.TwoFactorEnabled)
            {
                await twoFactor.ForgetAsync(account);
            }

            Check(await users.UpdateSecurityStampAsync(account));
            await sessions.EndAllAsync(account.Id, cancellationToken);
            recovery.Grant(command.AdminId, now);
            // Any other request for the account still waiting is answered by this one (a second sending, or another's);
            // one never confirmed goes with its photo, unanswered (its address was never proved to open).
            var others = await db.AccountRecoveries.Where(r => r.AccountId == accountId && r.Id != recovery.Id && (r.Status == AccountRecoveryStatus.Waiting || r.Status == AccountRecoveryStatus.Unconfirmed)).ToListAsync(cancellationToken);
            foreach (var another in others)
            {
                if (!another.IsWaiting)
                {
                    db.AccountRecoveries.Remove(another);
                    await storage.RemoveAsync(another.PhotoKey, afterCommit, cancellationToken);
                    continue;
                }

                another.Refuse(command.AdminId, Texts.In(another.Language == Languages.English ? Cultures.English : Cultures.Indonesian, "Recovery.AnsweredByAnother")!, now);
                // Not to the address just granted (the owner sent twice): the grant's e-mail says it all.
                if (!string.Equals(users.NormalizeEmail(another.NewEmail), account.NormalizedEmail, StringComparison.Ordinal))
                {
                    mail.SendRecoveryRefused(another);
                }
            }

            // A change of who may sign in to an account, kept where every such change is, in the transparency log.
            staff.Record(account.Id, StaffChangeKind.AccountRecovered, [], command.AdminId);
            await mail.SendRecoveryGrantedAsync(recovery, account, oldAddress);
            return await AccountRecoveries.ViewAsync(db, users, recovery, cancellationToken);
        }
    }

    /// <summary>A password nobody is told, within the password rules (lower and upper case, a digit, a mark).</summary>
    private static string NobodysPassword() =>
        $"Lp-{Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))}-a1A";

    /// <summary>An Identity step that cannot fail once the checks above passed; if it does, nothing of the grant is kept.</summary>
    private static void Check(Microsoft.AspNetCore.Identity.IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Granting an account back failed: {string.Join("; ", result.Errors.Select(e => e.Code))}");
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/account-recoveries/{id:guid}/decision", async Task<Results<Ok<AccountRecoveryView>, ProblemHttpResult>> (Guid id, Request request, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Command(user.UserId(), id, request.Grant, request.Reason, request.SignedInChecked), cancellationToken)).ToOk())
            .WithName("DecideAccountRecovery")
            .WithSummary("Answer a request for an account back, once (administrators): grant (the new address becomes the account's, two-step sign-in is lifted when the phone was lost, its sign-ins end, a link to set a new password goes to the new address) or refuse with a reason the owner reads.");
}
