using System.Net;
using System.Text.Json.Nodes;
using LicensingPortal.Api.Cli;
using LicensingPortal.Api.Infrastructure.Errors;
using LicensingPortal.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LicensingPortal.Api.Tests.Hosting;

public abstract class HostingTests(Portal portal)
{
    [Fact]
    public async Task HealthReady_WithDatabaseAndRuleSet_IsHealthy()
    {
        var response = await portal.Client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HealthLive_IsHealthy()
    {
        var response = await portal.Client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheSubmissionPath()
    {
        var document = JsonNode.Parse(await portal.Client.GetStringAsync("/openapi/v1.json"))!;

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/businesses", paths);
        Assert.Contains("/api/applications", paths);
        Assert.Contains("/api/applications/{id}", paths);
    }

    [Fact]
    public async Task UnknownRoute_Returns404ProblemWithErrorCode()
    {
        using var applicant = await portal.ApplicantAsync();

        var response = await applicant.Client.GetAsync("/api/nothing-here");

        await Features.Applications.SubmitApplicationTests.AssertProblemAsync(response, HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task UnknownRoute_WithoutAToken_Returns404ProblemWithErrorCode()
    {
        var response = await portal.Client.GetAsync("/api/nothing-here");

        await Features.Applications.SubmitApplicationTests.AssertProblemAsync(response, HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Restart_OnTheSameDatabase_AppliesNoMigrationTwiceAndKeepsTheSeeds()
    {
        await using var second = portal.Create();
        using var client = second.CreateClient();

        var response = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>
    /// The model and each provider's migrations agree: a change to the model without its migration fails here, since a
    /// start with nothing to migrate no longer compares them (see DatabaseSetup.MigrateAndSeedAsync).
    /// </summary>
    [Fact]
    public async Task TheModel_HasNoChangeWithoutAMigration_AndEveryMigrationIsApplied()
    {
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LicensingPortal.Api.Data.LicensingDbContext>();

        Assert.False(db.Database.HasPendingModelChanges(), "the model has changes that no migration makes: add one with dotnet ef migrations add, for both providers");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
    }
}

public sealed class HostingTestsOnSqlite(EmptySqlitePortal portal) : HostingTests(portal), IClassFixture<EmptySqlitePortal>;

public sealed class HostingTestsOnPostgres(EmptyPostgresPortal portal) : HostingTests(portal), IClassFixture<EmptyPostgresPortal>;

public sealed class StartupTests
{
    [Fact]
    public async Task BrokenRuleSet_StopsTheAppFromStarting_AndSaysWhy()
    {
        var data = Directory.CreateTempSubdirectory("lp-broken-");
        try
        {
            var broken = Path.Combine(TestPaths.RepositoryRoot, "tests", "LicensingPortal.Rules.Tests", "Fixtures", "unknown-fact");

            var (exitCode, output) = await ApiProcess.RunAsync([], new Dictionary<string, string>
            {
                ["Rules__Directory"] = broken,
                ["Rules__SeedsDirectory"] = Path.Combine(TestPaths.RepositoryRoot, "seeds"),
                ["Storage__DataDirectory"] = data.FullName,
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            });

            Assert.NotEqual(0, exitCode);
            Assert.Matches(@"ruleset\.yaml:23:19: unknown fact 'owner.shoeSize'", output);
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("Jobs__WorkerCount", "0", "Jobs:WorkerCount must be between 1 and 200.")]
    [InlineData("Email__Security", "Sometimes", "Email:Security must be Auto, None, StartTls or SslOnConnect.")]
    [InlineData("Permits__SigningKey", "not-base64!", "Permits:SigningKey must be base64 of 32 bytes or more.")]
    [InlineData("RateLimits__WindowSeconds", "-5", "RateLimits:WindowSeconds must be between 1 and 86400.")]
    [InlineData("Node__Role", "everything", "Node:Role must be all, web or worker, not 'everything'.")]
    [InlineData("Node__Role", "worker", "Node:Role worker runs beside other nodes on one PostgreSQL: set ConnectionStrings:Postgres")]
    [InlineData("Node__Role", "web", "Node:Role web runs beside other nodes on one PostgreSQL: set ConnectionStrings:Postgres")]
    [InlineData("Proxy__TrustedNetworks", "10.0.0.0/8, the proxy", "Proxy:TrustedNetworks must list networks in CIDR form, comma-separated (such as 10.0.0.0/8,172.16.0.0/12, or 10.0.0.5/32 for one proxy); 'the proxy' is not one.")]
    public async Task WrongSetting_StopsTheAppFromStarting_AndNamesIt(string variable, string value, string message)
    {
        var data = Directory.CreateTempSubdirectory("lp-settings-");
        try
        {
            var (exitCode, output) = await ApiProcess.RunAsync([], new Dictionary<string, string>
            {
                [variable] = value,
                ["Storage__DataDirectory"] = data.FullName,
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            });

            Assert.Equal(2, exitCode);
            Assert.Contains(message, output, StringComparison.Ordinal);
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    /// <summary>The README's `dotnet run` starts at the repository root, where no appsettings.json lies; the app's own is read all the same.</summary>
    [Fact]
    public async Task StartedAtTheRepositoryRoot_ReadsItsAppSettings_AndLogsNoSqlStatements()
    {
        var data = Directory.CreateTempSubdirectory("lp-settings-");
        try
        {
            var (exitCode, output) = await ApiProcess.RunAsync(["reports", "rebuild"], new Dictionary<string, string> { ["Storage__DataDirectory"] = data.FullName });

            Assert.Equal(0, exitCode);
            Assert.Contains("reports rebuild done", output, StringComparison.Ordinal);
            Assert.DoesNotContain("Executed DbCommand", output, StringComparison.Ordinal);
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task RulesCheckVerb_OfTheApiExecutable_ReportsFileLineColumnAndFails()
    {
        var broken = Path.Combine(TestPaths.RepositoryRoot, "tests", "LicensingPortal.Rules.Tests", "Fixtures", "type-mismatch");

        var (exitCode, output) = await ApiProcess.RunAsync(["rules", "check", broken], new Dictionary<string, string>());

        Assert.Equal(1, exitCode);
        Assert.Matches(@"ruleset\.yaml:23:45: type mismatch: expected a number, found 'banyak'", output);
    }

    [Fact]
    public void RulesCheck_ShippedRules_ExitsZero()
    {
        using var output = new StringWriter();

        var exitCode = RulesCheckCommand.Run([Path.Combine(TestPaths.RepositoryRoot, "rules")], output);

        Assert.Equal(0, exitCode);
        Assert.Contains("rules check passed", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void RulesCheck_BrokenRules_ExitsNonZeroWithFileLineColumn()
    {
        using var output = new StringWriter();
        var broken = Path.Combine(TestPaths.RepositoryRoot, "tests", "LicensingPortal.Rules.Tests", "Fixtures", "unknown-fact");

        var exitCode = RulesCheckCommand.Run([broken, "--seeds", Path.Combine(TestPaths.RepositoryRoot, "seeds")], output);

        Assert.Equal(1, exitCode);
        Assert.Matches(@"ruleset\.yaml:\d+:\d+: unknown fact 'owner.shoeSize'", output.ToString());
    }

    [Fact]
    public void ErrorsDocument_ListsEveryErrorCode()
    {
        var document = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "docs", "errors.md"));

        Assert.All(ErrorCodes.All, code => Assert.Contains($"`{code}`", document, StringComparison.Ordinal));
    }
}
