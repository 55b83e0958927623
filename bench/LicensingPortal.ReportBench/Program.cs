using System.Diagnostics;
using System.Globalization;
using LicensingPortal.Api.Cli;
using LicensingPortal.Api.Data;
using LicensingPortal.Api.Features.Reports;
using LicensingPortal.Api.Domain;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Tests.Infrastructure;
using LicensingPortal.Bench;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// Measures every report over a one-year range with a million applications on a throwaway PostgreSQL cluster.
// The first SEEDED applications are submitted by `seed demo` through the real command and engine; the rest are
// SQL copies of them moved to other days of the same year (new ids, the same facts and decisions), with one
// e-mail notification per decision; then `reports rebuild` recomputes the counters from the raw records.
// Each report is requested over HTTP (the real host, bearer auth, serialization) and timed; /health/live is the
// baseline measured in the same run.
var total = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var seeded = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20_000;
var requests = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 200;
Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_LICENSINGPORTAL_API", Path.Combine(BenchDatabase.FindRoot(), "src", "LicensingPortal.Api"));

var cluster = new PostgresCluster();
await cluster.InitializeAsync();
var data = Directory.CreateTempSubdirectory("lp-report-bench-");
try
{
    var connection = await cluster.CreateDatabaseAsync("reports");
    var settings = new Dictionary<string, string?>(Portal.DefaultSettings()) { ["Jobs:RunServer"] = "false", ["Permits:PublicBaseUrl"] = "https://izin.kupangkota.go.id" };
    var clock = Stopwatch.StartNew();
    await using (var seeding = new PortalFactory(data.FullName, connection, settings, new DemoClock()))
    {
        await SeedDemoCommand.RunAsync(seeding.Services, ["--applications", seeded.ToString(CultureInfo.InvariantCulture)], Console.Out);
    }

    await using var host = new PortalFactory(data.FullName, connection, settings);
    await using var scope = host.Services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
    db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
    var today = Wita.Today(TimeProvider.System);
    var copies = (total - seeded + seeded - 1) / seeded;
    clock.Restart();
    await db.Database.ExecuteSqlRawAsync($"""
        CREATE TABLE bench_copies AS
        SELECT s.id, c.n, md5(s.id::text || ':' || c.n)::uuid AS new_id,
               ((DATE '{today:yyyy-MM-dd}' - ((DATE '{today:yyyy-MM-dd}' - s.submission_date + c.n * 7) % 365)) - s.submission_date) AS delta
        FROM applications s CROSS JOIN generate_series(1, {copies}) AS c(n)
        ORDER BY c.n, s.submitted_at
        LIMIT {total - seeded}
        """);
    static string Mapped(string column, string copy = "x.n") => $"CASE WHEN s.{column} IS NULL THEN NULL ELSE md5(s.{column}::text || ':' || {copy})::uuid END";
    await BenchDatabase.CloneAsync(db, "applications", "FROM bench_copies x JOIN applications s ON s.id = x.id",
        ("id", "x.new_id"), ("previous_application_id", Mapped("previous_application_id")), ("submission_date", "s.submission_date + x.delta"), ("submitted_at", "s.submitted_at + x.delta * interval '1 day'"));
    await BenchDatabase.CloneAsync(db, "decisions", "FROM bench_copies x JOIN decisions s ON s.application_id = x.id",
        ("id", Mapped("id")), ("application_id", "x.new_id"), ("decided_at", "s.decided_at + x.delta * interval '1 day'"));
    await BenchDatabase.CloneAsync(db, "permits", "FROM bench_copies x JOIN permits s ON s.application_id = x.id",
        ("id", Mapped("id")), ("application_id", "x.new_id"), ("number", "s.number || '-' || x.n"), ("issued_on", "s.issued_on + x.delta"), ("valid_until", "s.valid_until + x.delta"));
    await db.Database.ExecuteSqlRawAsync("""
        INSERT INTO outbox_messages (id, type, channel, subject_id, recipient_id, payload, created_at, processed_at, attempts, dead_lettered_at, last_error)
        SELECT md5('mail:' || a.id::text)::uuid, 'decision-made', 'email', a.id, b.owner_id, NULL, d.decided_at,
               CASE WHEN n % 1000 IN (0, 1) THEN NULL ELSE d.decided_at + interval '4 seconds' END,
               CASE WHEN n % 1000 = 0 THEN 8 WHEN n % 1000 = 1 THEN 0 ELSE 1 END,
               CASE WHEN n % 1000 = 0 THEN d.decided_at + interval '2 days' END,
               CASE WHEN n % 1000 = 0 THEN 'mailbox unavailable' END
        FROM (SELECT a.*, row_number() OVER (ORDER BY a.id) AS n FROM applications a) a
        JOIN decisions d ON d.application_id = a.id JOIN businesses b ON b.id = a.business_id
        """);
    await db.Database.ExecuteSqlRawAsync("DROP TABLE bench_copies; ANALYZE");
    Console.WriteLine($"copied to {await db.Applications.CountAsync():N0} applications ({await db.Permits.CountAsync():N0} permits, {await db.OutboxMessages.CountAsync():N0} notifications) in {clock.Elapsed.TotalSeconds:F0} s");

    clock.Restart();
    await scope.ServiceProvider.GetRequiredService<Mediator.ISender>().Send(new RebuildReports.Command());
    await db.Database.ExecuteSqlRawAsync("ANALYZE");
    Console.WriteLine($"reports rebuild over {await db.Applications.CountAsync():N0} applications: {clock.Elapsed.TotalSeconds:F1} s; counter rows: " +
        $"{await db.DailyDecisionCounts.CountAsync():N0} decision counts, {await db.DailyLatencyBuckets.CountAsync():N0} latency buckets, {await db.MonthlyLatencyBuckets.CountAsync():N0} monthly buckets, " +
        $"{await db.DailyRequirementFailures.CountAsync():N0} failure counts, {await db.DailyDeliveryCounts.CountAsync():N0} delivery counts");

    using var mayor = await Accounts.CreateAsync(host, Roles.Mayor);
    using var anonymous = host.CreateClient();
    var from = today.AddDays(-364).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    var to = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    var reports = new (string Name, HttpClient Client, string Url)[]
    {
        ("baseline /health/live", anonymous, "/health/live"),
        ("throughput per day", mayor.Client, $"/api/reports/throughput?from={from}&to={to}"),
        ("throughput per week", mayor.Client, $"/api/reports/throughput?from={from}&to={to}&granularity=week"),
        ("throughput per month, CSV", mayor.Client, $"/api/reports/throughput?from={from}&to={to}&granularity=month&format=csv"),
        ("breakdown by kecamatan", mayor.Client, $"/api/reports/breakdown?from={from}&to={to}&by=kecamatan"),
        ("breakdown by sector", mayor.Client, $"/api/reports/breakdown?from={from}&to={to}&by=sector"),
        ("breakdown by permit type, CSV", mayor.Client, $"/api/reports/breakdown?from={from}&to={to}&by=permitType&format=csv"),
        ("latency p50/p95/p99", mayor.Client, $"/api/reports/latency?from={from}&to={to}"),
        ("failing requirements", mayor.Client, $"/api/reports/failing-requirements?from={from}&to={to}"),
        ("expiring permits (90 days)", mayor.Client, "/api/reports/expiring-permits"),
        ("notification health", mayor.Client, $"/api/reports/notification-health?from={from}&to={to}"),
        ("chart: throughput per week (PNG)", mayor.Client, $"/api/reports/charts/throughput?from={from}&to={to}&granularity=week"),
        ("chart: by kecamatan (SVG)", mayor.Client, $"/api/reports/charts/kecamatan?from={from}&to={to}&format=svg"),
    };

    Console.WriteLine($"| report (one-year range, {await db.Applications.CountAsync():N0} applications) | p50 ms | p95 ms | p95 / baseline p95 |");
    Console.WriteLine("|---|---:|---:|---:|");
    double? baseline = null;
    foreach (var (name, client, url) in reports)
    {
        var (p50, p95) = await MeasureAsync(client, url, requests);
        baseline ??= p95;
        Console.WriteLine($"| {name} | {p50:F1} | {p95:F1} | {p95 / baseline:F1}x |");
    }

    // Public statistics are output-cached for five minutes: the first request of each month is the real cost.
    using (var warm = await anonymous.GetAsync($"/api/public/statistics?month={today.AddYears(-3):yyyy-MM}"))
    {
        warm.EnsureSuccessStatusCode();
    }

    var firstHits = new List<double>();
    for (var month = today.AddMonths(-11); month <= today; month = month.AddMonths(1))
    {
        var watch = Stopwatch.StartNew();
        using var response = await anonymous.GetAsync($"/api/public/statistics?month={month:yyyy-MM}");
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync();
        firstHits.Add(watch.Elapsed.TotalMilliseconds);
    }

    var (cachedP50, cachedP95) = await MeasureAsync(anonymous, $"/api/public/statistics?month={today:yyyy-MM}", requests);
    Console.WriteLine($"| public statistics, first request of each of 12 months (uncached) | {Percentile(firstHits, 0.5):F1} | {Percentile(firstHits, 0.95):F1} | {Percentile(firstHits, 0.95) / baseline:F1}x |");
    Console.WriteLine($"| public statistics, cached | {cachedP50:F1} | {cachedP95:F1} | {cachedP95 / baseline:F1}x |");
}
finally
{
    await cluster.DisposeAsync();
    data.Delete(recursive: true);
}

static async Task<(double P50, double P95)> MeasureAsync(HttpClient client, string url, int requests)
{
    for (var i = 0; i < 10; i++)
    {
        using var warm = await client.GetAsync(url);
        warm.EnsureSuccessStatusCode();
    }

    var times = new List<double>(requests);
    for (var i = 0; i < requests; i++)
    {
        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync(url);
        await response.Content.ReadAsByteArrayAsync();
        times.Add(watch.Elapsed.TotalMilliseconds);
        response.EnsureSuccessStatusCode();
    }

    return (Percentile(times, 0.5), Percentile(times, 0.95));
}

static double Percentile(List<double> values, double p)
{
    var ordered = values.Order().ToList();
    return ordered[Math.Clamp((int)Math.Ceiling(ordered.Count * p) - 1, 0, ordered.Count - 1)];
}
