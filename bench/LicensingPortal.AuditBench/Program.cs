using System.Diagnostics;
using System.Globalization;
using LicensingPortal.Api.Data;
using LicensingPortal.Api.Domain;
using LicensingPortal.Api.Features.Audit;
using LicensingPortal.Api.Infrastructure.Transparency;
using LicensingPortal.Api.Tests.Infrastructure;
using LicensingPortal.Bench;
using LicensingPortal.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// Measures, on a throwaway PostgreSQL cluster: (1) `audit verify` over a log of a million entries;
// (2) a what-if analysis of a draft rule set over 100,000 decisions. Both against the real code.
var entries = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var decisions = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_LICENSINGPORTAL_API", Path.Combine(BenchDatabase.FindRoot(), "src", "LicensingPortal.Api"));

var cluster = new PostgresCluster();
await cluster.InitializeAsync();
var data = Directory.CreateTempSubdirectory("lp-audit-bench-");
try
{
    var connection = await cluster.CreateDatabaseAsync("audit");
    var settings = new Dictionary<string, string?>(Portal.DefaultSettings()) { ["Jobs:RunServer"] = "false" };
    await using var host = new PortalFactory(data.FullName, connection, settings);
    using var applicant = await Accounts.CreateAsync(host, LicensingPortal.Api.Infrastructure.Auth.Roles.Applicant);
    var template = await applicant.Client.SubmitAsync(await applicant.Client.RestaurantAsync() with { Declarations = [] });
    await Settle.LogIntegratedAsync(host.Services);

    await using var scope = host.Services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
    db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
    await db.Database.OpenConnectionAsync();

    // Clone the one real decision into `decisions` applications (the same facts, new ids), in SQL.
    var clock = Stopwatch.StartNew();
    await db.Database.ExecuteSqlRawAsync($"CREATE TEMP TABLE pairs AS SELECT gen_random_uuid() AS app, gen_random_uuid() AS dec FROM generate_series(1, {decisions})");
    await BenchDatabase.CloneAsync(db, "applications", $"FROM pairs p, applications s WHERE s.id = '{template.Id}'", ("id", "p.app"));
    await BenchDatabase.CloneAsync(db, "decisions", $"FROM pairs p, decisions s WHERE s.application_id = '{template.Id}'", ("id", "p.dec"), ("application_id", "p.app"));
    Console.WriteLine($"seeded {decisions} decisions in {clock.Elapsed.TotalSeconds:F1} s");

    // Fill the log to `entries` with entries whose leaf hashes are right (computed by PostgreSQL's sha256).
    var existing = await db.TransparencyLog.CountAsync();
    clock.Restart();
    await db.Database.ExecuteSqlRawAsync($"""
        INSERT INTO transparency_log (sequence, format, occurred_at_ms, actor, type, subject_id, payload_sha256, leaf_hash)
        SELECT n, 1, 1764000000000 + n, 'bench', 'benchmark', md5(n::text)::uuid, md5(n::text) || md5(n::text),
               sha256('\x00'::bytea || convert_to(n::text || '|' || (1764000000000 + n)::text || '|bench|benchmark|' || md5(n::text) || '|' || md5(n::text) || md5(n::text), 'UTF8'))
        FROM generate_series({existing}, {entries - 1}) AS n
        """);
    // The seeded entries are of the first format (the sequence number hashed in); the checkpoints the integrator
    // signed cover the real entries before them, which stay as they were.
    await db.Database.ExecuteSqlRawAsync($"UPDATE transparency_log_head SET size = {entries} WHERE id = 1");
    Console.WriteLine($"seeded the log to {entries} entries in {clock.Elapsed.TotalSeconds:F1} s");

    var times = new List<double>();
    LogVerifier.Report? report = null;
    for (var run = 0; run < 3; run++)
    {
        await using var verifyScope = host.Services.CreateAsyncScope();
        clock.Restart();
        report = await verifyScope.ServiceProvider.GetRequiredService<LogVerifier>().VerifyAsync(CancellationToken.None);
        times.Add(clock.Elapsed.TotalSeconds);
    }

    Console.WriteLine($"audit verify: {report!.TreeSize} entries, valid={report.Valid}, runs {string.Join(" / ", times.Select(t => t.ToString("F2", CultureInfo.InvariantCulture)))} s, median {times.Order().ElementAt(1):F2} s");

    var draftFolder = Path.Combine(data.FullName, "draft");
    Directory.CreateDirectory(draftFolder);
    var rules = Path.Combine(BenchDatabase.FindRoot(), "rules", "kupang-2025");
    var draftText = File.ReadAllText(Path.Combine(rules, "ruleset.yaml")).Replace("id: kupang-pb-2025", "id: kupang-draft", StringComparison.Ordinal) + "\nrequirements:\n" + string.Join("\n",
        Directory.GetFiles(Path.Combine(rules, "requirements"), "*.yaml").Order(StringComparer.Ordinal).Select(File.ReadAllText)
            .Where(t => !t.Contains("id: PERNYATAAN-KEBENARAN-DATA\n", StringComparison.Ordinal))
            .Select(t => t[(t.IndexOf("requirements:\n", StringComparison.Ordinal) + 14)..]));
    File.WriteAllText(Path.Combine(draftFolder, "ruleset.yaml"), draftText);
    var draft = RuleSetLoader.LoadFolder(draftFolder, Path.Combine(BenchDatabase.FindRoot(), "seeds")).RuleSet!;
    var today = template.SubmissionDate;
    var whatIf = WhatIfRun.Queue(applicant.Id, draft.CanonicalContent, draft.Hash, draft.Definition.Title, today, today, DateTimeOffset.UtcNow);
    db.WhatIfRuns.Add(whatIf);
    await db.SaveChangesAsync();
    await using (var jobScope = host.Services.CreateAsyncScope())
    {
        clock.Restart();
        await jobScope.ServiceProvider.GetRequiredService<RunWhatIf.Job>().RunAsync(whatIf.Id, CancellationToken.None);
    }

    var finished = await db.WhatIfRuns.AsNoTracking().SingleAsync(r => r.Id == whatIf.Id);
    Console.WriteLine($"what-if: {finished.Total} decisions in {clock.Elapsed.TotalSeconds:F1} s, status {finished.Status}");
}
finally
{
    await cluster.DisposeAsync();
    data.Delete(recursive: true);
}
