using System.Security.Claims;
using LicensingPortal.Api.Infrastructure.Auth;

namespace LicensingPortal.Api.Features.Accounts;

/// <summary>
/// An administrator answers a request for an account back, once. Granted: the new address becomes the account's
/// (confirmed: the owner wrote it and opens it), two-step sign-in is lifted when the phone was lost, every sign-in of the
/// account ends, and a link to set a new password goes to the new address; the old address is told it no longer signs
/// in. Refused: the reason, in words the owner reads, goes to the new address. A grant is refused when no applicant
/// account has the address named, when the account signed in after the request (its owner still has it), or when
/// another account has the new address. Two answers at once take turns on the request's row.
/// </summary>
public static class DecideAccountRecovery
{
    public sealed record Request(bool? Grant, string? Reason);

    public sealed record Command(Guid AdminId, Guid Id, bool? Grant, string? Reason) : ICommand<Result<AccountRecoveryView>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Grant).NotNull().WithMessage(_ => Texts.Get("Validation.Recovery.Decision"));
            RuleFor(c => c.Reason).Must(r => r?.Trim().Length is >= AccountRecovery.ReasonMinLength and <= AccountRecovery.ReasonMaxLength)
                .When(c => c.Grant == false).WithMessage(_ => Texts.Format("Validation.Recovery.Reason", AccountRecovery.ReasonMinLength));
        }
    }

    public sealed class Handler(LicensingDbContext db, Microsoft.AspNetCore.Identity.UserManager<ApplicationUser> users, TwoFactor twoFactor, Sessions sessions, AccountMail mail, TimeProvider time)
        : ICommandHandler<Command, Result<AccountRecoveryView>>
    {
        public async ValueTask<Result<AccountRecoveryView>> Handle(Command command, CancellationToken cancellationToken)
        {
            // Two administrators answering at once: the second waits for the first's unit of work, then reads its answer.
            await db.AccountRecoveries.Where(r => r.Id == command.Id).ExecuteUpdateAsync(set => set.SetProperty(r => r.Status, r => r.Status), cancellationToken);
            var recovery = await db.AccountRecoveries.SingleOrDefaultAsync(r => r.Id == command.Id, cancellationToken);
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
                return await AccountRecoveries.ViewAsync(db, recovery, cancellationToken);
            }

            if (recovery.AccountId is not { } accountId || await users.FindByIdAsync(accountId.ToString()) is not { } account)
            {
                return new Error(ErrorCodes.RecoveryNoAccount, StatusCodes.Status409Conflict, "No applicant account has the address the request names.", Texts.Get("Recovery.NoAccount"));
            }

            if (await AccountRecoveries.SignedInSinceAsync(db, recovery, cancellationToken))
            {
                return new Error(ErrorCodes.RecoveryAccountSignedIn, StatusCodes.Status409Conflict, "The account signed in after the request: its owner still has it.", Texts.Get("Recovery.SignedInSince"));
            }

            if (await users.FindByEmailAsync(recovery.NewEmail) is { } other && other.Id != account.Id)
            {
                return new Error(ErrorCodes.EmailTaken, StatusCodes.Status409Conflict, "Another account has the new address.", Texts.Get("Recovery.NewEmailTaken"));
            }

            var oldAddress = account.Email!;
            if (!string.Equals(users.NormalizeEmail(recovery.NewEmail), account.NormalizedEmail, StringComparison.Ordinal))
            {
                // The address is the sign-in name too; confirmed, as its owner wrote it and opens the answer sent there.
                account.Email = recovery.NewEmail;
                account.UserName = recovery.NewEmail;
                account.EmailConfirmed = true;
            }

            // Locked by wrong passwords while the owner tried to get in: the new start is a clean one.
            account.LockoutEnd = null;
            account.AccessFailedCount = 0;
            var updated = await users.UpdateAsync(account);
            if (!updated.Succeeded)
            {
                return updated.ToError();
            }

            if (recovery.PhoneLost && account.TwoFactorEnabled)
            {
                await twoFactor.ForgetAsync(account);
            }

            await users.UpdateSecurityStampAsync(account);
            await sessions.EndAllAsync(account.Id, cancellationToken);
            recovery.Grant(command.AdminId, now);
            await mail.SendRecoveryGrantedAsync(recovery, account, oldAddress);
            return await AccountRecoveries.ViewAsync(db, recovery, cancellationToken);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/account-recoveries/{id:guid}/decision", async Task<Results<Ok<AccountRecoveryView>, ProblemHttpResult>> (Guid id, Request request, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Command(user.UserId(), id, request.Grant, request.Reason), cancellationToken)).ToOk())
            .WithName("DecideAccountRecovery")
            .WithSummary("Answer a request for an account back, once (administrators): grant (the new address becomes the account's, two-step sign-in is lifted when the phone was lost, its sign-ins end, a link to set a new password goes to the new address) or refuse with a reason the owner reads.");
}
