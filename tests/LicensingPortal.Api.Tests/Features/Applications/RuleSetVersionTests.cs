using System.Net.Http.Json;
using LicensingPortal.Api.Data;
using LicensingPortal.Api.Features.Applications;
using LicensingPortal.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LicensingPortal.Api.Tests.Features.Applications;

/// <summary>
/// Decisions use the rule set in force on the submission date, record its hash, and stay explainable after the
/// rule set has left the rules folder, from the content stored in the database.
/// </summary>
public abstract class RuleSetVersionTests(Portal portal) : IDisposable
{
    private readonly DirectoryInfo rules = Directory.CreateTempSubdirectory("lp-rules-");

    public void Dispose()
    {
        rules.Delete(recursive: true);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Submission_UsesTheRuleSetInForceThatDay_AndAnOldDecisionStillExplainsAfterItsFilesAreGone()
    {
        var current = Path.Combine(TestPaths.RepositoryRoot, "rules", "kupang-2025");
        Copy(current, Path.Combine(rules.FullName, "kupang-2025"));
        Copy(current, Path.Combine(rules.FullName, "kupang-2027"));
        var next = Path.Combine(rules.FullName, "kupang-2027", "ruleset.yaml");
        await File.WriteAllTextAsync(next, (await File.ReadAllTextAsync(next))
            .Replace("id: kupang-pb-2025", "id: kupang-pb-2027", StringComparison.Ordinal)
            .Replace("effectiveFrom: 2025-06-05", "effectiveFrom: 2027-01-01", StringComparison.Ordinal));
        var settings = new Dictionary<string, string?>(Portal.DefaultSettings()) { ["Rules:Directory"] = rules.FullName };

        ApplicationResponse before, after;
        Account applicant;
        await using (var host = portal.Create(settings, new FakeTimeProvider(new DateTimeOffset(2026, 12, 31, 15, 40, 0, TimeSpan.Zero))))
        {
            applicant = await Accounts.CreateAsync(host, LicensingPortal.Api.Infrastructure.Auth.Roles.Applicant);
            before = await applicant.Client.SubmitAsync(await applicant.Client.RestaurantAsync() with { Declarations = [] });
        }

        await using (var host = portal.Create(settings, new FakeTimeProvider(new DateTimeOffset(2026, 12, 31, 16, 0, 1, TimeSpan.Zero))))
        using (var client = host.CreateClient())
        {
            client.DefaultRequestHeaders.Authorization = applicant.Client.DefaultRequestHeaders.Authorization;
            after = await client.SubmitAsync(await client.RestaurantAsync());
        }

        // 15:40 UTC is 23:40 WITA on 31 December; 16:00:01 UTC is already 1 January 2027 in Kupang.
        Assert.Equal("kupang-pb-2025", before.Decision!.RuleSet.Id);
        Assert.Equal("kupang-pb-2027", after.Decision!.RuleSet.Id);
        Assert.NotEqual(before.Decision.RuleSet.Hash, after.Decision.RuleSet.Hash);

        // The 2027 set leaves the folder; its decision is still read and explained from the stored version.
        Directory.Delete(Path.Combine(rules.FullName, "kupang-2027"), recursive: true);
        await using var restarted = portal.Create(settings);
        using var reader = restarted.CreateClient();
        reader.DefaultRequestHeaders.Authorization = applicant.Client.DefaultRequestHeaders.Authorization;
        var reread = await reader.GetFromJsonAsync<ApplicationResponse>($"/api/applications/{after.Id}", TestJson.Options);
        Assert.Equal(after.Decision.RuleSet.Hash, reread!.Decision!.RuleSet.Hash);
        Assert.Equal("kupang-pb-2027", reread.Decision.RuleSet.Id);
        Assert.Equal(after.Decision.Requirements.Count, reread.Decision.Requirements.Count);

        await using var scope = restarted.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
        Assert.Equal(2, await db.RuleSetVersions.CountAsync(v => v.RuleSetId == "kupang-pb-2025" || v.RuleSetId == "kupang-pb-2027"));
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

public sealed class RuleSetVersionTestsOnSqlite(SqlitePortal portal) : RuleSetVersionTests(portal), IClassFixture<SqlitePortal>;

public sealed class RuleSetVersionTestsOnPostgres(PostgresPortal portal) : RuleSetVersionTests(portal), IClassFixture<PostgresPortal>;
