using System.Net.Http.Headers;
using System.Net.Http.Json;
using LicensingPortal.Api.Domain;
using LicensingPortal.Api.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace LicensingPortal.Api.Tests.Infrastructure;

/// <summary>An account and an HTTP client that acts as it.</summary>
public sealed record Account(Guid Id, string Email, string Password, HttpClient Client, string? AuthenticatorKey = null) : IDisposable
{
    /// <summary>The code the account's authenticator app shows now (staff accounts have two-step sign-in).</summary>
    public string Code() => Accounts.CodeFor(AuthenticatorKey ?? throw new InvalidOperationException($"{Email} has no second factor."));

    public void Dispose() => Client.Dispose();
}

public static class Accounts
{
    public const string Password = "Rahasia-Uji-2026";

    /// <summary>
    /// A unique part for a test's e-mail address, in letters that are no hex digits (g to v): the security page shows
    /// the account's address, and a person's address has no run of hex digits the readable-pages check would flag.
    /// </summary>
    public static string Unique() => string.Concat(Guid.NewGuid().ToByteArray().Select(b => $"{(char)('g' + (b >> 4))}{(char)('g' + (b & 15))}"));

    /// <summary>
    /// Creates a confirmed account (as an admin or the seeds would) and logs in through the API for a bearer token; a
    /// staff account has two-step sign-in on with a key of its own, and logs in with a code computed from it.
    /// </summary>
    public static async Task<Account> CreateAsync<TEntry>(WebApplicationFactory<TEntry> factory, string role)
        where TEntry : class
    {
        var email = $"{role.ToLowerInvariant()}-{Unique()}@example.com";
        Guid id;
        string? key = null;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true };
            Check(await users.CreateAsync(user, Password));
            if (role != Roles.Applicant)
            {
                Check(await users.RemoveFromRoleAsync(user, Roles.Applicant));
                Check(await users.AddToRoleAsync(user, role));
                key = Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));
                var store = (IUserAuthenticatorKeyStore<ApplicationUser>)scope.ServiceProvider.GetRequiredService<IUserStore<ApplicationUser>>();
                await store.SetAuthenticatorKeyAsync(user, key, CancellationToken.None);
                user.TwoFactorEnabled = true;
                Check(await users.UpdateAsync(user));
            }

            id = user.Id;
        }

        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await LoginAsync(client, email, Password, key));
        return new Account(id, email, Password, client, key);
    }

    /// <summary>The 6-digit code an authenticator app shows now for the key (RFC 6238: 30-second steps, SHA-1).</summary>
    public static string CodeFor(string base32Key) => new Totp(Base32Encoding.ToBytes(base32Key)).ComputeTotp(DateTime.UtcNow);

    public static async Task<string> LoginAsync(HttpClient client, string email, string password, string? authenticatorKey = null)
    {
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password, twoFactorCode = authenticatorKey is null ? null : CodeFor(authenticatorKey) });
        Assert.True(response.IsSuccessStatusCode, $"Login failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var body = await response.Content.ReadFromJsonAsync<Tokens>();
        return body!.AccessToken;
    }

    public sealed record Tokens(string TokenType, string AccessToken, long ExpiresIn, string RefreshToken);

    private static void Check(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
}
