using System.Security.Claims;
using LicensingPortal.Api.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;

namespace LicensingPortal.Api.Features.Accounts;

/// <summary>
/// What the two log-in use cases (<see cref="LogIn"/> and <see cref="LogInWithCode"/>) share: the second factor's
/// check, with the lockout counting a wrong code as it counts a wrong password; the session a sign-in starts; and the
/// record of every sign-in of a staff account, kept for administrators.
/// </summary>
public sealed class SignInSteps(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, Sessions sessions, LicensingDbContext db, TimeProvider time)
{
    public static Error Refused =>
        new(ErrorCodes.Unauthorized, StatusCodes.Status401Unauthorized, "Unauthorized", "The e-mail address or password is wrong, the address is not confirmed, or the account is locked.");

    public static Error WrongCode =>
        new(ErrorCodes.TwoFactorCodeInvalid, StatusCodes.Status401Unauthorized, "Unauthorized", "The two-step code is wrong, expired or already used.");

    /// <summary>Checks the code from the authenticator app, or a recovery code (each works once), and signs in.</summary>
    public async Task<Result<ClaimsPrincipal>> CodeAsync(ApplicationUser user, string? code, string? recoveryCode, string? address)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (await users.IsLockedOutAsync(user))
        {
            await NoteAsync(user, address, SignInOutcome.LockedOut);
            Infrastructure.Telemetry.PortalTelemetry.SignInRefused(nameof(SignInOutcome.LockedOut));
            return Refused;
        }

        var right = !string.IsNullOrWhiteSpace(recoveryCode)
            ? (await users.RedeemTwoFactorRecoveryCodeAsync(user, recoveryCode.Replace(" ", string.Empty, StringComparison.Ordinal).Trim())).Succeeded
            : await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, TwoFactor.Digits(code));
        if (!right)
        {
            await users.AccessFailedAsync(user);
            await NoteAsync(user, address, SignInOutcome.WrongCode);
            Infrastructure.Telemetry.PortalTelemetry.SignInRefused(nameof(SignInOutcome.WrongCode));
            return WrongCode;
        }

        await users.ResetAccessFailedCountAsync(user);
        return await SignedInAsync(user, address);
    }

    /// <summary>The account's sign-in, with a new session on the server.</summary>
    public async Task<ClaimsPrincipal> SignedInAsync(ApplicationUser user, string? address)
    {
        ArgumentNullException.ThrowIfNull(user);
        var principal = sessions.Start(await signIn.CreateUserPrincipalAsync(user), user.Id);
        await NoteAsync(user, address, SignInOutcome.Succeeded);
        return principal;
    }

    /// <summary>Keeps the sign-in of a staff account (whatever its outcome) for administrators.</summary>
    public async Task NoteAsync(ApplicationUser user, string? address, SignInOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(user);
        if ((await users.GetRolesAsync(user)).Any(Roles.IsStaffRole))
        {
            db.SignInAttempts.Add(SignInAttempt.Of(user.Id, time.GetUtcNow(), address, outcome));
        }
    }
}
