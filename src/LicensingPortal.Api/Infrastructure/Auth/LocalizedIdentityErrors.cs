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

    private static IdentityError Error(string code, string key) => new() { Code = code, Description = Texts.Get(key) };
}
