using System.Text.Json;
using LicensingPortal.Api.Infrastructure.Rules;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace LicensingPortal.Api.Infrastructure.Auth;

/// <summary>
/// Roles always exist. Demo accounts (seeds/demo-users.json) exist only in the embedded default and in
/// Development; in Production the first Admin comes from configuration and nobody else is created.
/// </summary>
public sealed class AccountSeeder(
    UserManager<ApplicationUser> users,
    IUserStore<ApplicationUser> store,
    RoleManager<IdentityRole<Guid>> roles,
    IOptions<BootstrapOptions> bootstrapOptions,
    IHostEnvironment environment)
{
    /// <summary>A demo account; a staff one has the authenticator key (base32) a newcomer adds to an app to sign in.</summary>
    public sealed record DemoUser(string Email, string Password, string Role, string? AuthenticatorKey = null);

    public async Task SeedAsync(bool embedded)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Ensure(await roles.CreateAsync(new IdentityRole<Guid>(role) { Id = Guid.CreateVersion7() }), $"role {role}");
            }
        }

        if (embedded || environment.IsDevelopment())
        {
            var path = Path.Combine(PathResolver.Find("seeds", environment.ContentRootPath), "demo-users.json");
            var demo = JsonSerializer.Deserialize<List<DemoUser>>(await File.ReadAllTextAsync(path), Json.Options) ?? [];
            foreach (var user in demo)
            {
                await EnsureUserAsync(user.Email, user.Password, user.Role, environment.IsProduction() ? null : user.AuthenticatorKey);
            }
        }

        var bootstrap = bootstrapOptions.Value;
        if (bootstrap is { AdminEmail.Length: > 0, AdminPassword.Length: > 0 } && (await users.GetUsersInRoleAsync(Roles.Admin)).Count == 0)
        {
            await EnsureUserAsync(bootstrap.AdminEmail, bootstrap.AdminPassword, Roles.Admin);
        }
    }

    /// <summary>
    /// Creates the account once. A staff account with a key from the seeds has two-step sign-in on with that key;
    /// without one (the bootstrap administrator, and demo accounts in Production) it enrols at its first sign-in.
    /// </summary>
    private async Task EnsureUserAsync(string email, string password, string role, string? authenticatorKey = null)
    {
        if (await users.FindByEmailAsync(email) is { } existing)
        {
            // A demo account seeded before staff had two factors gets its published key, so the README's steps work.
            if (authenticatorKey is { Length: > 0 } && !existing.TwoFactorEnabled)
            {
                await TurnOnAsync(existing, authenticatorKey);
            }

            return;
        }

        var user = new ApplicationUser { Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true };
        Ensure(await users.CreateAsync(user, password), email);
        if (role != Roles.Applicant)
        {
            Ensure(await users.RemoveFromRoleAsync(user, Roles.Applicant), email);
            Ensure(await users.AddToRoleAsync(user, role), email);
        }

        if (authenticatorKey is { Length: > 0 })
        {
            await TurnOnAsync(user, authenticatorKey);
        }
    }

    private async Task TurnOnAsync(ApplicationUser user, string authenticatorKey)
    {
        await ((IUserAuthenticatorKeyStore<ApplicationUser>)store).SetAuthenticatorKeyAsync(user, authenticatorKey, CancellationToken.None);
        user.TwoFactorEnabled = true;
        Ensure(await users.UpdateAsync(user), user.Email!);
    }

    private static void Ensure(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not seed {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
