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
    RoleManager<IdentityRole<Guid>> roles,
    IOptions<BootstrapOptions> bootstrapOptions,
    IHostEnvironment environment)
{
    public sealed record DemoUser(string Email, string Password, string Role);

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
                await EnsureUserAsync(user.Email, user.Password, user.Role);
            }
        }

        var bootstrap = bootstrapOptions.Value;
        if (bootstrap is { AdminEmail.Length: > 0, AdminPassword.Length: > 0 } && (await users.GetUsersInRoleAsync(Roles.Admin)).Count == 0)
        {
            await EnsureUserAsync(bootstrap.AdminEmail, bootstrap.AdminPassword, Roles.Admin);
        }
    }

    private async Task EnsureUserAsync(string email, string password, string role)
    {
        if (await users.FindByEmailAsync(email) is not null)
        {
            return;
        }

        var user = new ApplicationUser { Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true };
        Ensure(await users.CreateAsync(user, password), email);
        if (role != Roles.Applicant)
        {
            Ensure(await users.RemoveFromRoleAsync(user, Roles.Applicant), email);
            Ensure(await users.AddToRoleAsync(user, role), email);
        }
    }

    private static void Ensure(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not seed {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
