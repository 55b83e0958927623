using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;

namespace LicensingPortal.Api.Features.Accounts;

/// <summary>
/// Two-step sign-in with an authenticator app (TOTP, RFC 6238, through ASP.NET Core Identity's authenticator token
/// provider): the key an account's app is given, as text and as an <c>otpauth://</c> address for the QR code.
/// </summary>
public sealed class TwoFactor(UserManager<ApplicationUser> users, IUserStore<ApplicationUser> store)
{
    public const string Issuer = "Perizinan Kota Kupang";

    public const int RecoveryCodeCount = 10;

    /// <summary>The account's key, made on first use. Unlike <c>ResetAuthenticatorKeyAsync</c>, making it does not end the account's sign-ins.</summary>
    public async Task<string> KeyOfAsync(ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (await users.GetAuthenticatorKeyAsync(user) is { Length: > 0 } key)
        {
            return key;
        }

        await ((IUserAuthenticatorKeyStore<ApplicationUser>)store).SetAuthenticatorKeyAsync(user, users.GenerateNewAuthenticatorKey(), CancellationToken.None);
        var saved = await users.UpdateAsync(user);
        if (!saved.Succeeded)
        {
            throw new InvalidOperationException($"The authenticator key of account {user.Id} was not saved: {string.Join("; ", saved.Errors.Select(e => e.Code))}");
        }

        return (await users.GetAuthenticatorKeyAsync(user))!;
    }

    /// <summary>
    /// Turns the account's two-step sign-in off and forgets its key and recovery codes; each step changes the
    /// account's security stamp, so every sign-in made before stops standing. The caller ends the account's sessions.
    /// </summary>
    public async Task ForgetAsync(ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
    }

    /// <summary>The key in groups of four, as people type it.</summary>
    public static string Readable(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(text.Length > 0 ? " " : string.Empty).Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }

        return text.ToString().ToLowerInvariant();
    }

    public static string UriOf(string email, string key) => string.Create(
        CultureInfo.InvariantCulture,
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(email)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6&period=30");

    /// <summary>The digits of a typed code (people type spaces and dashes).</summary>
    public static string Digits(string? code) => new((code ?? string.Empty).Where(char.IsAsciiDigit).ToArray());
}
