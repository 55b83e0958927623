using Microsoft.AspNetCore.Identity;

namespace LicensingPortal.Api.Infrastructure.Auth;

/// <summary>Identity's messages (registration, password rules, reset codes) in the reader's language.</summary>
public sealed class LocalizedIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), "Identity.DefaultError");

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), "Identity.DuplicateEmail");

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), "Identity.DuplicateEmail");

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), "Identity.InvalidEmail");

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), "Identity.InvalidEmail");

    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "Identity.InvalidToken");

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "Identity.PasswordMismatch");

    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = Texts.Format("Identity.PasswordTooShort", length) };

    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "Identity.PasswordRequiresDigit");

    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "Identity.PasswordRequiresLower");

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => new() { Code = nameof(PasswordRequiresUniqueChars), Description = Texts.Format("Identity.PasswordRequiresUniqueChars", uniqueChars) };

    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "Identity.ConcurrencyFailure");

    public override IdentityError RecoveryCodeRedemptionFailed() => Error(nameof(RecoveryCodeRedemptionFailed), "Identity.RecoveryCodeFailed");

    // The password rules the service does not set (no capital letter or sign required) and the role and login
    // operations no page offers: said in the reader's language all the same, as the general failure.
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "Identity.DefaultError");

    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), "Identity.DefaultError");

    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), "Identity.DefaultError");

    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), "Identity.DefaultError");

    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), "Identity.DefaultError");

    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), "Identity.DefaultError");

    public override IdentityError LoginAlreadyAssociated() => Error(nameof(LoginAlreadyAssociated), "Identity.DefaultError");

    public override IdentityError InvalidRoleName(string? role) => Error(nameof(InvalidRoleName), "Identity.DefaultError");

    public override IdentityError DuplicateRoleName(string role) => Error(nameof(DuplicateRoleName), "Identity.DefaultError");

    private static IdentityError Error(string code, string key) => new() { Code = code, Description = Texts.Get(key) };
}
