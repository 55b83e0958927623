using System.Security.Claims;
using LicensingPortal.Api.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;

namespace LicensingPortal.Api.Features.Accounts;

/// <summary>
/// The current password a signed-in account gives before changing what secures it (its password, its address). A wrong
/// one counts towards the lockout like a wrong one at sign-in, so a stolen session cannot guess it: five wrong ones
/// lock the account and end the session they came from. Both answers are said at the field <c>currentPassword</c>.
/// </summary>
public static class CurrentPassword
{
    public static Error Locked => new(ErrorCodes.TooManyWrongPasswords, StatusCodes.Status429TooManyRequests, "Too many wrong passwords.", Texts.Get("Validation.CurrentPasswordLocked"),
        new Dictionary<string, string[]> { ["currentPassword"] = [Texts.Get("Validation.CurrentPasswordLocked")] });

    /// <summary>Counts a wrong current password, ends the session it came from if that locked the account, and says so.</summary>
    public static async Task<Error> WrongAsync(UserManager<ApplicationUser> users, Sessions sessions, ApplicationUser user, ClaimsPrincipal account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(sessions);
        await users.AccessFailedAsync(user);
        if (await users.IsLockedOutAsync(user))
        {
            await sessions.EndAsync(account, cancellationToken);
        }

        return new Error(ErrorCodes.CurrentPasswordWrong, StatusCodes.Status400BadRequest, Error.InvalidTitle, Texts.Get("Validation.CurrentPasswordWrong"),
            new Dictionary<string, string[]> { ["currentPassword"] = [Texts.Get("Validation.CurrentPasswordWrong")] });
    }
}
