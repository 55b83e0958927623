using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Tests.Features.Applications;
using LicensingPortal.Api.Tests.Features.Notifications;
using LicensingPortal.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LicensingPortal.Api.Tests.Features.Identity;

public abstract partial class AccountTests(SmtpPortal portal)
{
    [Fact]
    public async Task Register_ConfirmFromTheEmailedLink_ThenLogIn_GivesABearerTokenThatWorks()
    {
        var email = $"baru-{Guid.NewGuid():N}@example.com";

        var registered = await portal.Client.PostAsJsonAsync("/api/auth/register", new { email, password = Accounts.Password });
        Assert.True(registered.StatusCode == HttpStatusCode.OK, await registered.Content.ReadAsStringAsync());
        var beforeConfirming = await portal.Client.PostAsJsonAsync("/api/auth/login", new { email, password = Accounts.Password });
        await SubmitApplicationTests.AssertProblemAsync(beforeConfirming, HttpStatusCode.Unauthorized, "unauthorized");

        await Eventually.TrueAsync(() => portal.Smtp.ReceivedEmail.Any(m => m.ToAddresses.Any(a => a.Address == email)), "the confirmation e-mail arrives");
        var mail = portal.Smtp.ReceivedEmail.Single(m => m.ToAddresses.Any(a => a.Address == email));
        using var raw = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(mail.Data));
        var link = ConfirmationLink().Match((await MimeKit.MimeMessage.LoadAsync(raw)).TextBody ?? string.Empty).Value;
        var confirmed = await portal.Client.GetAsync(new Uri(link).PathAndQuery);
        Assert.True(confirmed.StatusCode == HttpStatusCode.OK, link + " -> " + await confirmed.Content.ReadAsStringAsync());

        using var client = portal.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Accounts.LoginAsync(client, email, Accounts.Password));
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/businesses", Builders.SoleProprietor(), TestJson.Options)).StatusCode);
    }

    /// <summary>Each registration writes its account and its confirmation e-mail in its own unit of work, however many arrive at once.</summary>
    [Fact]
    public async Task TwentySimultaneousRegistrations_AllSucceed_EachWithItsConfirmationEmail()
    {
        var emails = Enumerable.Range(0, 20).Select(i => $"serentak-{i}-{Guid.NewGuid():N}@example.com").ToList();

        var responses = await Task.WhenAll(emails.Select(email => portal.Client.PostAsJsonAsync("/api/auth/register", new { email, password = Accounts.Password })));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        await Eventually.TrueAsync(() => emails.All(email => portal.Smtp.ReceivedEmail.Any(m => m.ToAddresses.Any(a => a.Address == email))), "every confirmation e-mail arrives");
    }

    [Fact]
    public async Task Login_AfterFiveWrongPasswords_IsLockedOutEvenWithTheRightOne()
    {
        using var account = await portal.ApplicantAsync();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var wrong = await portal.Client.PostAsJsonAsync("/api/auth/login", new { email = account.Email, password = "salah-sekali-123" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        var right = await portal.Client.PostAsJsonAsync("/api/auth/login", new { email = account.Email, password = account.Password });

        // Refused like any other failed sign-in (the answer does not tell a locked account from an unknown one).
        await SubmitApplicationTests.AssertProblemAsync(right, HttpStatusCode.Unauthorized, "unauthorized");
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<LicensingPortal.Api.Domain.ApplicationUser>>();
        Assert.True(await users.IsLockedOutAsync((await users.FindByEmailAsync(account.Email))!));
    }

    [Fact]
    public async Task Refresh_WithTheRefreshToken_GivesANewAccessToken()
    {
        using var account = await portal.ApplicantAsync();
        var login = await (await portal.Client.PostAsJsonAsync("/api/auth/login", new { email = account.Email, password = account.Password })).Content.ReadFromJsonAsync<Accounts.Tokens>();

        var refreshed = await portal.Client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = login!.RefreshToken });

        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var tokens = await refreshed.Content.ReadFromJsonAsync<Accounts.Tokens>();
        Assert.False(string.IsNullOrEmpty(tokens!.AccessToken));
    }

    [Theory]
    [InlineData(Roles.Officer)]
    [InlineData(Roles.Mayor)]
    [InlineData(Roles.Admin)]
    public async Task StaffToken_CannotRegisterBusinessesOrSubmit_Returns403(string role)
    {
        using var staff = await portal.StaffAsync(role);

        var business = await staff.Client.PostAsJsonAsync("/api/businesses", Builders.SoleProprietor(), TestJson.Options);
        var application = await staff.Client.PostAsJsonAsync("/api/applications", Builders.Restaurant(Guid.NewGuid()), TestJson.Options);

        await SubmitApplicationTests.AssertProblemAsync(business, HttpStatusCode.Forbidden, "forbidden");
        await SubmitApplicationTests.AssertProblemAsync(application, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task NoToken_Submit_Returns401()
    {
        var response = await portal.Client.PostAsJsonAsync("/api/applications", Builders.Restaurant(Guid.NewGuid()), TestJson.Options);

        await SubmitApplicationTests.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [GeneratedRegex(@"https?://[^\s""<>]+/akun/konfirmasi\?[^\s""<>]+")]
    private static partial Regex ConfirmationLink();
}

public sealed class AccountTestsOnSqlite(SqliteSmtpPortal portal) : AccountTests(portal), IClassFixture<SqliteSmtpPortal>;

public sealed class AccountTestsOnPostgres(PostgresSmtpPortal portal) : AccountTests(portal), IClassFixture<PostgresSmtpPortal>;

/// <summary>Demo accounts in the embedded default only; the first Admin of a production instance from configuration.</summary>
public sealed class AccountSeedTests(PostgresPortal postgres, SqlitePortal sqlite) : IClassFixture<PostgresPortal>, IClassFixture<SqlitePortal>
{
    private static readonly string[] DemoEmails = ["pemohon1@demo.kupang.test", "pemohon2@demo.kupang.test", "petugas@demo.kupang.test", "walikota@demo.kupang.test", "admin@demo.kupang.test", "inspektorat@demo.kupang.test"];

    /// <summary>Every demo account signs in as the README says; a staff one with the code for its key in the seed file, as a newcomer's app would.</summary>
    [Fact]
    public async Task EmbeddedDefault_HasEveryDemoAccountOfTheSeedFile()
    {
        var seeds = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(TestPaths.RepositoryRoot, "seeds", "demo-users.json")))!.AsArray();
        Assert.Equal(DemoEmails, seeds.Select(s => (string)s!["email"]!));
        foreach (var seed in seeds)
        {
            var email = (string)seed!["email"]!;
            var password = email.StartsWith("pemohon", StringComparison.Ordinal) ? "Pemohon-Demo-2026"
                : email.StartsWith("petugas", StringComparison.Ordinal) ? "Petugas-Demo-2026"
                : email.StartsWith("walikota", StringComparison.Ordinal) ? "Walikota-Demo-2026"
                : email.StartsWith("inspektorat", StringComparison.Ordinal) ? "Inspektorat-Demo-2026" : "Admin-Demo-2026";
            var key = (string?)seed["authenticatorKey"];
            Assert.Equal(!email.StartsWith("pemohon", StringComparison.Ordinal), key is not null);
            if (key is not null)
            {
                var withoutCode = await sqlite.Client.PostAsJsonAsync("/api/auth/login", new { email, password });
                await Problems.AssertAsync(withoutCode, HttpStatusCode.Unauthorized, "two_factor_required");
            }

            Assert.False(string.IsNullOrEmpty(await Accounts.LoginAsync(sqlite.Client, email, password, key)));
        }
    }

    [Fact]
    public async Task ProductionOnPostgres_HasNoDemoAccounts_AndItsFirstAdminFromConfiguration()
    {
        var demo = await postgres.Client.PostAsJsonAsync("/api/auth/login", new { email = DemoEmails[0], password = "Pemohon-Demo-2026" });
        Assert.Equal(HttpStatusCode.Unauthorized, demo.StatusCode);

        var settings = new Dictionary<string, string?>(Portal.DefaultSettings())
        {
            ["Bootstrap:AdminEmail"] = "admin@kupangkota.go.id",
            ["Bootstrap:AdminPassword"] = "Admin-Produksi-2026",
        };
        await using var configured = postgres.Create(settings);
        using var client = configured.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Accounts.LoginAsync(client, "admin@kupangkota.go.id", "Admin-Produksi-2026"));

        // The bootstrap administrator has no second factor yet: no staff endpoint until it enrols.
        await Problems.AssertAsync(await client.GetAsync("/api/admin/staff"), HttpStatusCode.Forbidden, "two_factor_enrolment_required");
        var twoFactor = await client.GetFromJsonAsync<JsonObject>("/api/auth/two-factor");
        Assert.False((bool)twoFactor!["enabled"]!);
        Assert.True((bool)twoFactor["required"]!);
        var key = ((string)twoFactor["sharedKey"]!).Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        Assert.StartsWith("otpauth://totp/", (string)twoFactor["authenticatorUri"]!, StringComparison.Ordinal);
        var enabled = await client.PostAsJsonAsync("/api/auth/two-factor/enable", new { code = Accounts.CodeFor(key) });
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        Assert.Equal(10, (await enabled.Content.ReadFromJsonAsync<JsonObject>())!["recoveryCodes"]!.AsArray().Count);

        // Turning it on ended the sign-in without it; the next one needs the code.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/manage/info")).StatusCode);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Accounts.LoginAsync(client, "admin@kupangkota.go.id", "Admin-Produksi-2026", key));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/admin/staff")).StatusCode);
    }
}

/// <summary>Log-in attempts beyond the limit answer 429 with Retry-After.</summary>
public sealed class RateLimitTests(RateLimitTests.LimitedPortal portal) : IClassFixture<RateLimitTests.LimitedPortal>
{
    public sealed class LimitedPortal() : Portal(DatabaseProvider.Sqlite)
    {
        protected override IReadOnlyDictionary<string, string?> Settings() => new Dictionary<string, string?>(DefaultSettings())
        {
            ["RateLimits:AuthPermitLimit"] = "3",
            ["RateLimits:SubmissionPermitLimit"] = "2",
            ["RateLimits:WindowSeconds"] = "600",
        };
    }

    [Fact]
    public async Task Login_BeyondTheLimit_Returns429WithRetryAfter()
    {
        HttpResponseMessage? last = null;
        for (var attempt = 0; attempt < 4; attempt++)
        {
            last = await portal.Client.PostAsJsonAsync("/api/auth/login", new { email = "nobody@example.com", password = "whatever-123" });
        }

        await SubmitApplicationTests.AssertProblemAsync(last!, HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.True(last!.Headers.RetryAfter!.Delta > TimeSpan.Zero);
    }
}

/// <summary>Submissions beyond the per-account limit answer 429 with Retry-After.</summary>
public sealed class SubmissionRateLimitTests(SubmissionRateLimitTests.LimitedPortal portal) : IClassFixture<SubmissionRateLimitTests.LimitedPortal>
{
    public sealed class LimitedPortal() : Portal(DatabaseProvider.Sqlite)
    {
        protected override IReadOnlyDictionary<string, string?> Settings() => new Dictionary<string, string?>(DefaultSettings())
        {
            ["RateLimits:SubmissionPermitLimit"] = "2",
            ["RateLimits:WindowSeconds"] = "600",
        };
    }

    [Fact]
    public async Task Submit_BeyondTheLimit_Returns429WithRetryAfter()
    {
        using var applicant = await portal.ApplicantAsync();
        var request = await applicant.Client.RestaurantAsync();

        await applicant.Client.SubmitAsync(request);
        await applicant.Client.SubmitAsync(request);
        var third = await applicant.Client.PostAsJsonAsync("/api/applications", request, TestJson.Options);

        await SubmitApplicationTests.AssertProblemAsync(third, HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.NotNull(third.Headers.RetryAfter);
    }
}
