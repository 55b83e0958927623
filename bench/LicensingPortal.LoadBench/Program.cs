using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using LicensingPortal.Api.Features.Applications;
using LicensingPortal.Api.Tests.Infrastructure;
using LicensingPortal.Bench;
using Npgsql;

// The load benchmark of issues 16 and 21, one command (see docs/benchmarks.md):
//   dotnet run -c Release --project bench/LicensingPortal.LoadBench -- [seconds per level, default 15] [burst, default 2000]
// A throwaway PostgreSQL cluster (durable settings: fsync and synchronous commit on), the API as its own Release
// process on Kestrel, and a local SMTP server. It prints, per level of concurrency (1, 4, 16, 64 connections from
// eight accounts, approved and rejected bodies alternating), for submissions with an Idempotency-Key (as integrators
// call) and without, in turn: submissions per second, p50/p99, statements per submission, where a submission's time
// went (CPU milliseconds of the API, PostgreSQL and the load generator, commits, WAL flushes, what the backends wait
// on, the heaviest statements), and both kinds interleaved in one round; the same at half the best keyed rate,
// paced; how fast the decision e-mails of a burst drain; the keyed levels again
// with the pickup folder instead of SMTP; and last, pgbench running the SQL one keyed submission executed (captured
// from the API through the server log, with fresh ids and keys per transaction) at the same client counts, and the ratio.
if (args is ["cpu-report", var speedscopeFile])
{
    // The CPU report of a trace taken earlier (a .speedscope.json written next to its .nettrace).
    Console.WriteLine(Profile.CpuReport(Path.GetFileName(speedscopeFile), speedscopeFile));
    return 0;
}

if (args is ["restart", ..])
{
    var releaseDirectory = ApiProcess.ProjectIn(BenchDatabase.FindRoot());
    // LOADBENCH_API_DLL runs another build of the API, such as the published, ReadyToRun-compiled one production runs;
    // LOADBENCH_BASELINE_API_DLL (a build of the previous commit) takes every other restart, the same-run baseline.
    return await Restart.RunAsync(
        Environment.GetEnvironmentVariable("LOADBENCH_API_DLL") is { Length: > 0 } published ? published : ApiProcess.ReleaseDll(releaseDirectory),
        Environment.GetEnvironmentVariable("LOADBENCH_BASELINE_API_DLL") is { Length: > 0 } baselineDll ? baselineDll : null,
        releaseDirectory,
        args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 40,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3);
}

if (args is ["nodes", ..])
{
    var apiProject = ApiProcess.ProjectIn(BenchDatabase.FindRoot());
    return await Nodes.RunAsync(
        ApiProcess.ReleaseDll(apiProject),
        apiProject,
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 12,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3,
        args.Length > 3 ? args[3].Split(',').Select(l => int.Parse(l, CultureInfo.InvariantCulture)).ToArray() : [16, 64]);
}

// `-- paced RATE [seconds per round, default 10] [rounds of each, default 4]`: two API processes, A as built and B with
// the settings in LOADBENCH_PACED_B ("Name=value;Name=value") or the build LOADBENCH_BASELINE names, each on a database
// of its own, both warmed, then rounds at RATE submissions a second (keyed, paced arrivals, as the half-rate target of
// issue 21) in the order A B B A, each round's p50/p90/p99/max and CPU, and the medians: a same-run comparison of one
// setting's or one build's effect on the tail.
double? pacedRate = args is ["paced", var offered, ..] ? double.Parse(offered, CultureInfo.InvariantCulture) : null;
if (pacedRate is not null)
{
    args = args[2..];
}

var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 15;
var burst = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2000;
int[] levels = args.Length > 2 ? args[2].Split(',').Select(l => int.Parse(l, CultureInfo.InvariantCulture)).ToArray() : [1, 4, 16, 64];
var root = BenchDatabase.FindRoot();
var apiDirectory = ApiProcess.ProjectIn(root);
var apiDll = ApiProcess.ReleaseDll(apiDirectory);
if (!File.Exists(apiDll))
{
    Console.Error.WriteLine($"Run with -c Release (the API's Release build is expected at {apiDll}).");
    return 2;
}

var cluster = new PostgresCluster { ServerSettings = "-c max_connections=300 -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all -c log_line_prefix=@@%p@@" };
await cluster.InitializeAsync();
using var smtp = new TestSmtpServer();
var data = Directory.CreateTempSubdirectory("lp-load-");
var connection = await cluster.CreateDatabaseAsync("load");
await ExecuteAsync(connection, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInformationText()}; {DateTime.UtcNow:yyyy-MM-dd}; {seconds} s per level");

var environment = new Dictionary<string, string>
{
    ["ConnectionStrings__Postgres"] = connection,
    ["Storage__DataDirectory"] = data.FullName,
    ["Permits__SigningKey"] = Portal.DefaultSettings()["Permits:SigningKey"]!,
    ["Transparency__SigningKey"] = Portal.DefaultSettings()["Transparency:SigningKey"]!,
    ["RateLimits__AuthPermitLimit"] = "1000000",
    ["RateLimits__SubmissionPermitLimit"] = "1000000",
    ["Email__SmtpHost"] = "127.0.0.1",
    ["Email__SmtpPort"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
    ["Email__Security"] = "None",
    ["Logging__LogLevel__Default"] = "Warning",
    ["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "Warning",
};

if (pacedRate is { } rate)
{
    var code = await PacedAsync(cluster, environment, apiDirectory, rate, args.Length > 0 ? seconds : 10, args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 4);
    await cluster.DisposeAsync();
    data.Delete(recursive: true);
    return code;
}

// 1. Accounts and businesses, through the API (an API-only process: no job server, no integrator, so that the
//    capture below sees the request's own statements and nothing else).
var port = FreePort();
var accounts = new List<(HttpClient Client, ApplicationRequest Approved, ApplicationRequest Rejected)>();
var owners = new HashSet<Guid>();
ApplicationRequest captureBody;
Guid[] businesses;
await using (var quiet = await ApiProcess.StartAsync(apiDll, apiDirectory, port, new(environment) { ["Transparency__Integrate"] = "false" }, "api"))
{
    for (var i = 0; i < 8; i++)
    {
        accounts.Add(await AccountAsync(port, connection, i, owners));
    }

    businesses = accounts.Select(a => a.Approved.BusinessId).ToArray();
    captureBody = accounts[0].Rejected;
    // Warm: the first request compiles what later ones reuse, and the first approval gives the business its NIB, so
    // the capture shows a submission as it runs from then on (no business row to lock).
    await accounts[0].Client.SubmitAsync(accounts[0].Approved);

    // 2. The SQL of one (rejected) submission, captured from the server's log.
    await ExecuteAsync(connection, "ALTER SYSTEM SET log_statement = 'all'", "SELECT pg_reload_conf()");
    await Task.Delay(500);
    var from = new FileInfo(cluster.LogFile!).Length;
    using (var keyed = new HttpRequestMessage(HttpMethod.Post, "/api/applications") { Content = JsonContent.Create(captureBody) })
    {
        // The keyed request's SQL: the key, the use case and the stored response in one transaction.
        keyed.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        (await accounts[0].Client.SendAsync(keyed)).EnsureSuccessStatusCode();
    }

    await Task.Delay(500);
    await ExecuteAsync(connection, "ALTER SYSTEM RESET log_statement", "SELECT pg_reload_conf()");
    var captured = Capture.Read(cluster.LogFile!, from);
    var script = Capture.ToPgbench(captured, businesses, accounts.SelectMany(a => new[] { a.Approved.BusinessId }.Concat(a.Approved.DocumentIds ?? [])).Concat(owners).ToHashSet());
    await File.WriteAllTextAsync(Path.Combine(data.FullName, "submission.sql"), script);
    Console.WriteLine($"captured: {captured.Statements.Count} statements from the API for one submission ({captured.Statements.Count(s => s.StartsWith("BEGIN", StringComparison.OrdinalIgnoreCase))} transactions begun, {captured.Statements.Count(s => s.StartsWith("DISCARD", StringComparison.OrdinalIgnoreCase))} connection resets, {captured.Statements.Count(s => s.Contains("\"hangfire\".", StringComparison.Ordinal))} of the job queue's); pgbench runs the request's own {script.Split('\n').Count(l => l.Length > 0 && !l.StartsWith('\\') && !l.StartsWith("SELECT quote_literal", StringComparison.Ordinal))} (script: {Path.Combine(data.FullName, "submission.sql")})");
    Console.WriteLine(captured.Statements.Aggregate(new StringBuilder("  the request's statements, in order:\n"), (b, l) => b.Append("    ").Append(l.Length > 110 ? l[..110] + "…" : l).Append('\n')).ToString());
    Console.WriteLine(script.Split('\n').Where(l => l.Length > 0).Aggregate(new StringBuilder(), (b, l) => b.Append("  ").Append(l.Length > 150 ? l[..150] + "…" : l).Append('\n')).ToString());
}

// 3. The full API (job server and integrator on) under load; first, when LOADBENCH_BASELINE names another checkout
//    (built in Release), that version on a database of its own, for a same-run comparison.
if (Environment.GetEnvironmentVariable("LOADBENCH_BASELINE") is { Length: > 0 } baseline)
{
    var baselineDirectory = ApiProcess.ProjectIn(baseline);
    var baselineConnection = await cluster.CreateDatabaseAsync("baseline");
    await ExecuteAsync(baselineConnection, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    var baselineData = Directory.CreateTempSubdirectory("lp-load-baseline-");
    // LOADBENCH_BASELINE_ENV="Name=value;Name=value" sets the baseline's own settings (the same checkout with
    // another setting is a same-run comparison of that setting).
    var baselineEnvironment = Overridden(environment, new() { ["ConnectionStrings__Postgres"] = baselineConnection, ["Storage__DataDirectory"] = baselineData.FullName }, Settings("LOADBENCH_BASELINE_ENV"));

    await using var old = await ApiProcess.StartAsync(ApiProcess.ReleaseDll(baselineDirectory), baselineDirectory, port, baselineEnvironment, "all");
    var baselineAccounts = new List<(HttpClient Client, ApplicationRequest Approved, ApplicationRequest Rejected)>();
    for (var i = 0; i < 8; i++)
    {
        baselineAccounts.Add(await AccountAsync(port, baselineConnection, i, []));
    }

    var label = $"baseline ({Path.GetFileName(baseline.TrimEnd('/'))}) keyed, SMTP";
    Keys.On = true;
    await LevelsAsync(label, old.Pid, baselineConnection, baselineAccounts, levels, seconds, smtp);
    await BurstAsync(label + " burst", baselineConnection, baselineAccounts, smtp, burst);
}

List<(int Level, double Rate, double P50, double P99, double Statements, double ApiCpu, double DbCpu)> results;
await using (var api = await ApiProcess.StartAsync(apiDll, apiDirectory, port, environment, "all"))
{
    // Keyed (as the README asks of integrators) and unkeyed, against the SMTP sink. The new process is warmed first
    // (both kinds, not measured): the first level after a start otherwise pays the JIT's tiering and reads like a
    // cost of whichever kind runs first. Each level then runs keyed, unkeyed, unkeyed, keyed (ABBA), so neither kind
    // always follows the other on a growing database; a kind's figure is the mean of its two rounds.
    await WarmAsync(accounts, TimeSpan.FromSeconds(seconds * 0.75), 4, 64);

    results = [];
    var unkeyed = new List<(int Level, double Rate, double P50, double P99, double Statements, double ApiCpu, double DbCpu)>();
    foreach (var level in levels)
    {
        // A round of each kind at this level first, as long as a measured one, not measured: a change of concurrency
        // (and at the first level, the warm-up's 64 connections) otherwise weighs on the first measured round, which is
        // keyed. Rounds of 0.3 of a level left it 1.6 to 1.9 times the API CPU per submission of the rounds after it,
        // all of its code alike slower (perf), with as many threads; full-length rounds bring it to 1.2.
        await DrainedAsync(connection);
        await WarmAsync(accounts, TimeSpan.FromSeconds(seconds), level);

        var rounds = new List<(bool Keyed, (int Level, double Rate, double P50, double P99, double Statements, double ApiCpu, double DbCpu) Result)>();
        foreach (var keyed in new[] { true, false, false, true })
        {
            Keys.On = keyed;
            rounds.Add((keyed, (await LevelsAsync(keyed ? "app keyed, SMTP" : "app unkeyed, SMTP", api.Pid, connection, accounts, [level], seconds, smtp)).Single()));
        }

        results.Add(Mean(rounds.Where(r => r.Keyed).Select(r => r.Result).ToList()));
        unkeyed.Add(Mean(rounds.Where(r => !r.Keyed).Select(r => r.Result).ToList()));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"keyed/unkeyed at {level} connections (means of two rounds each): {results[^1].Rate:F1}/s (p50 {results[^1].P50:F1} ms) against {unkeyed[^1].Rate:F1}/s (p50 {unkeyed[^1].P50:F1} ms): {results[^1].Rate / unkeyed[^1].Rate:F2}"));

        // The same comparison with both kinds in one round: every connection alternates keyed and unkeyed submissions,
        // so both meet the process and the database in the same state at every moment (the rounds above drift: a
        // level's first round, keyed, often takes the most CPU). On shared cores a request's latency is its own work
        // stretched by what runs beside it, alike for both kinds, so the ratio of their mean latencies is the ratio of
        // the work each request is, as far as their latencies are their own work: the waits both share (WAL flushes,
        // queues for the cores and the pool) pull it towards 1, most at high concurrency, where latency is mostly the
        // queue; the work both leave behind alike (e-mails, log entries) is in neither latency, which pulls it away.
        await DrainedAsync(connection);
        var mixed = await RunInterleavedAsync(accounts, level, TimeSpan.FromSeconds(seconds));
        var (keyedMean, unkeyedMean) = (mixed.Keyed.DefaultIfEmpty(double.NaN).Average(), mixed.Unkeyed.DefaultIfEmpty(double.NaN).Average());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"keyed/unkeyed at {level} connections, interleaved in one round: {mixed.Keyed.Count} keyed (mean {keyedMean:F1} ms, p50 {Percentile(mixed.Keyed, 0.5):F1} ms) and {mixed.Unkeyed.Count} unkeyed (mean {unkeyedMean:F1} ms, p50 {Percentile(mixed.Unkeyed, 0.5):F1} ms) in {mixed.Elapsed.TotalSeconds:F1} s, {(mixed.Keyed.Count + mixed.Unkeyed.Count) / mixed.Elapsed.TotalSeconds:F1}/s in all ({mixed.Failures} failed): {unkeyedMean / keyedMean:F2}"));
    }

    Keys.On = true;
    var best = results.MaxBy(r => r.Rate);
    await DrainedAsync(connection);
    // Where the time goes at that rate, as for the levels: CPU per process, commits, flushes and, mid-run, what the
    // backends wait on.
    await ExecuteAsync(connection, "SELECT pg_stat_statements_reset()");
    var halfBefore = await Spent.ReadAsync(api.Pid, connection);
    var (half, halfWaits) = await SampledMidwayAsync(RunAtRateAsync(accounts, best.Rate / 2, TimeSpan.FromSeconds(seconds)), connection, seconds);
    var halfSpent = await Spent.SinceAsync(halfBefore, api.Pid, connection);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"app at half the best rate ({best.Rate / 2:F0}/s offered): {half.Latencies.Count / half.Elapsed.TotalSeconds:F1}/s, p50 {Percentile(half.Latencies, 0.5):F1} ms, p90 {Percentile(half.Latencies, 0.9):F1} ms, p99 {Percentile(half.Latencies, 0.99):F1} ms, max {half.Latencies.DefaultIfEmpty().Max():F1} ms"));
    Console.WriteLine($"  per submission: {halfSpent.Each(half.Latencies.Count, half.Elapsed)}; mid-run backends: {halfWaits}");
    Console.WriteLine($"  heaviest statements (server time per submission): {await HeaviestAsync(connection, Math.Max(half.Latencies.Count, 1))}");

    // 4. A burst, then the time until every decision e-mail of it has left.
    await BurstAsync("burst", connection, accounts, smtp, burst);
}

// 5. The embedded default's channel: decision e-mails written to the pickup folder instead of sent over SMTP (the
//    same database and accounts; the API's CPU per submission is the channel's cost beside the SMTP path's above).
await using (var pickup = await ApiProcess.StartAsync(apiDll, apiDirectory, port, new(environment) { ["Email__SmtpHost"] = string.Empty }, "all"))
{
    await WarmAsync(accounts, TimeSpan.FromSeconds(seconds * 0.75), 4, 64);
    Keys.On = true;
    var folder = Path.Combine(data.FullName, "mail-pickup");
    var before = Directory.Exists(folder) ? Directory.GetFiles(folder).Length : 0;
    var watch = Stopwatch.StartNew();
    var pickupResults = await LevelsAsync("app keyed, pickup folder", pickup.Pid, connection, accounts, levels, seconds, smtp);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pickup folder: {(Directory.Exists(folder) ? Directory.GetFiles(folder).Length : 0) - before} e-mails written in {watch.Elapsed.TotalSeconds:F0} s; keyed pickup/keyed SMTP per level: {string.Join(", ", pickupResults.Zip(results, (p, m) => $"{p.Level}: {p.Rate / m.Rate:F2}x rate, {p.ApiCpu:F2} against {m.ApiCpu:F2} ms API CPU"))}"));
}

// 6. pgbench on the captured SQL, same client counts, last: the rows it writes are never handed to the job queue or
//    the log's integration, so an API process running after it would deliver and integrate them (the sweeper finds
//    the outbox messages, the integration the log entries) while being measured.
var pgbench = new Dictionary<int, double>();
foreach (var level in levels)
{
    // pgbench's own CPU counts as the load generator's (it is this process's child), so the line shows what a
    // transaction of the same SQL costs PostgreSQL without the API beside it. The API's (and the last level's)
    // backends are let go first: one that exits while PostgreSQL's processes are being read is missed by the first
    // reading and counted whole, its lifetime's CPU, in the server's reaped children by the second. This process's
    // own idle pooled connections are closed too, or the wait would last until the pool prunes them.
    NpgsqlConnection.ClearAllPools();
    var waited = Stopwatch.StartNew();
    while (await ScalarAsync(connection, "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()") > 0 && waited.Elapsed < TimeSpan.FromSeconds(30))
    {
        await Task.Delay(200);
    }

    var pgbenchBefore = await Spent.ReadAsync(null, connection);
    var pgbenchWatch = Stopwatch.StartNew();
    var (pgbenchRate, transactions) = await PgbenchAsync(connection, Path.Combine(data.FullName, "submission.sql"), level, seconds);
    pgbench[level] = pgbenchRate;
    var pgbenchSpent = await Spent.SinceAsync(pgbenchBefore, null, connection);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pgbench, {level,2} clients: {pgbench[level],6:F1} submissions' SQL/s; app/pgbench {results.Single(r => r.Level == level).Rate / pgbench[level]:F2}"));
    Console.WriteLine($"  per transaction: {pgbenchSpent.Each(transactions, pgbenchWatch.Elapsed)}");
}

var bestKeyed = results.MaxBy(r => r.Rate);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"best: app {bestKeyed.Rate:F1}/s at {bestKeyed.Level} connections; pgbench {pgbench.Values.Max():F1}/s; ratio {bestKeyed.Rate / pgbench.Values.Max():F2}"));

await cluster.DisposeAsync();
data.Delete(recursive: true);
return 0;

static async Task<List<(int Level, double Rate, double P50, double P99, double Statements, double ApiCpu, double DbCpu)>> LevelsAsync(string label, int pid, string connection, List<(HttpClient Client, ApplicationRequest Approved, ApplicationRequest Rejected)> accounts, int[] levels, int seconds, TestSmtpServer smtp)
{
    var results = new List<(int Level, double Rate, double P50, double P99, double Statements, double ApiCpu, double DbCpu)>();
    await RunAsync(accounts, 4, TimeSpan.FromSeconds(5)); // warm-up
    foreach (var level in levels)
    {
        await DrainedAsync(connection);
        await ExecuteAsync(connection, "SELECT pg_stat_statements_reset()");
        var mailedBefore = smtp.ReceivedEmail.Count;
        var threadsBefore = ProcessStatus(pid, "Threads");
        var before = await Spent.ReadAsync(pid, connection);
        var running = RunAsync(accounts, level, TimeSpan.FromSeconds(seconds));
        var traced = Profile.SampleAsync(label, pid, level, TimeSpan.FromSeconds(seconds));
        var (run, waits) = await SampledMidwayAsync(running, connection, seconds);
        await traced;
        var mailed = smtp.ReceivedEmail.Count - mailedBefore;
        var spent = await Spent.SinceAsync(before, pid, connection);
        var statements = await ScalarAsync(connection, "SELECT coalesce(sum(calls), 0)::bigint FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%'");
        var count = Math.Max(run.Latencies.Count, 1);
        var rate = run.Latencies.Count / run.Elapsed.TotalSeconds;
        results.Add((level, rate, Percentile(run.Latencies, 0.5), Percentile(run.Latencies, 0.99), statements / (double)count, spent.Api / count, spent.Postgres / count));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}, {level,2} connections: {rate,6:F1} submissions/s, p50 {Percentile(run.Latencies, 0.5),6:F1} ms, p99 {Percentile(run.Latencies, 0.99),7:F1} ms, {statements / (double)count,5:F1} statements per submission ({run.Failures} failed); {mailed / run.Elapsed.TotalSeconds:F1} e-mails/s sent meanwhile; API threads {threadsBefore} at the start, {ProcessStatus(pid, "Threads")} at the end"));
        Console.WriteLine($"  per submission: {spent.Each(count, run.Elapsed)}; mid-run backends: {waits}");
        Console.WriteLine($"  heaviest statements (server time per submission): {await HeaviestAsync(connection, count)}");
    }

    var peak = ProcessStatus(pid, "VmHWM");
    Console.WriteLine($"{label}: the API process's peak resident memory so far: {peak}");
    return results;
}

static async Task<int> PacedAsync(PostgresCluster cluster, Dictionary<string, string> environment, string apiDirectory, double rate, int seconds, int rounds)
{
    var settingsB = Settings("LOADBENCH_PACED_B");
    Console.WriteLine($"paced: {rate.ToString(CultureInfo.InvariantCulture)}/s offered, {seconds} s a round, {rounds} rounds each; B: {Environment.GetEnvironmentVariable("LOADBENCH_BASELINE")} {string.Join("; ", settingsB.Select(s => $"{s.Key}={s.Value}"))}");
    var sides = new List<(string Name, ApiProcess Api, string Connection, List<(HttpClient Client, ApplicationRequest Approved, ApplicationRequest Rejected)> Accounts, List<double> P99s)>();
    var folders = new List<DirectoryInfo>();
    try
    {
        foreach (var (name, settings) in new[] { ("A", new Dictionary<string, string>()), ("B", settingsB) })
        {
            var connection = await cluster.CreateDatabaseAsync("paced" + name.ToLowerInvariant());
            var port = FreePort();
            var folder = Directory.CreateTempSubdirectory("lp-paced-");
            folders.Add(folder);
            var own = Overridden(environment, new() { ["ConnectionStrings__Postgres"] = connection, ["Storage__DataDirectory"] = folder.FullName }, settings);

            // B may also be another build: LOADBENCH_BASELINE names its checkout (built in Release), as for the levels.
            var directory = name == "B" && Environment.GetEnvironmentVariable("LOADBENCH_BASELINE") is { Length: > 0 } baseline
                ? ApiProcess.ProjectIn(baseline)
                : apiDirectory;
            var api = await ApiProcess.StartAsync(ApiProcess.ReleaseDll(directory), directory, port, own, "all");
            var accounts = new List<(HttpClient Client, ApplicationRequest Approved, ApplicationRequest Rejected)>();
            sides.Add((name, api, connection, accounts, []));
            for (var i = 0; i < 8; i++)
            {
                accounts.Add(await AccountAsync(port, connection, i, []));
            }
        }

        // Warmed B first, then A, and a paced round of each not measured (B, A): A's first measured round follows its
        // own paced round, as every later round follows one (A was left idle while B warmed, and its first round paid).
        foreach (var side in Enumerable.Reverse(sides))
        {
            await WarmAsync(side.Accounts, TimeSpan.FromSeconds(seconds), 4, 16);
        }

        Keys.On = true;
        foreach (var side in Enumerable.Reverse(sides))
        {
            await RunAtRateAsync(side.Accounts, rate, TimeSpan.FromSeconds(seconds));
        }

        for (var round = 0; round < rounds; round++)
        {
            foreach (var side in round % 2 == 0 ? sides : Enumerable.Reverse(sides))
            {
                await DrainedAsync(side.Connection);
                var before = await Spent.ReadAsync(side.Api.Pid, side.Connection);
                var watch = Stopwatch.StartNew();
                var run = await RunAtRateAsync(side.Accounts, rate, TimeSpan.FromSeconds(seconds));
                // Read once the round's e-mails are out: a build that gathers them longer is not let off their cost.
                await DrainedAsync(side.Connection);
                var spent = await Spent.SinceAsync(before, side.Api.Pid, side.Connection);
                side.P99s.Add(Percentile(run.Latencies, 0.99));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{side.Name}, round {round + 1}: {run.Latencies.Count / run.Elapsed.TotalSeconds:F1}/s, p50 {Percentile(run.Latencies, 0.5):F1} ms, p90 {Percentile(run.Latencies, 0.9):F1} ms, p99 {Percentile(run.Latencies, 0.99):F1} ms, max {run.Latencies.DefaultIfEmpty().Max():F1} ms ({run.Failures} failed)"));
                Console.WriteLine($"  per submission: {spent.Each(run.Latencies.Count, watch.Elapsed)}");
            }
        }

        var a = Median(sides[0].P99s);
        var b = Median(sides[1].P99s);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median p99: A {a:F1} ms, B {b:F1} ms, B/A {b / a:F2}"));
        return 0;
    }
    finally
    {
        foreach (var side in sides)
        {
            await side.Api.DisposeAsync();
        }

        folders.ForEach(f => f.Delete(recursive: true));
    }
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

// The API's environment with the given settings over it, later ones winning.
static Dictionary<string, string> Overridden(Dictionary<string, string> environment, params Dictionary<string, string>[] overrides)
{
    var result = new Dictionary<string, string>(environment);
    foreach (var (name, value) in overrides.SelectMany(o => o))
    {
        result[name] = value;
    }

    return result;
}

// Settings given as "Name=value;Name=value" in the environment variable named.
static Dictionary<string, string> Settings(string variable) =>
    (Environment.GetEnvironmentVariable(variable) ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Split('=', 2)).ToDictionary(s => s[0], s => s[1]);

// One field of a process's /proc status, such as its threads or its peak resident memory (VmHWM).
static string ProcessStatus(int pid, string field) => File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal))?.Split(':')[1].Trim() ?? "?";

// Unmeasured rounds, keyed then unkeyed, at each of the given connection counts: a new process is warmed so before it
// is measured (on two cores the JIT's tiering still shows after 20 s at one load), and each level begins so.
static async Task WarmAsync(List<(HttpClient Client, ApplicationRequest Approved, ApplicationRequest Rejected)> accounts, TimeSpan each, params int[] connectionCounts)
{
    foreach (var connections in connectionCounts)
    {
        foreach (var keyed in new[] { true, false })
        {
            Keys.On = keyed;
            await RunAsync(accounts, connections, each);
        }
    }
}

static async Task BurstAsync(string label, string connection, List<(HttpClient Client, ApplicationRequest Approved, ApplicationRequest Rejected)> accounts, TestSmtpServer smtp, int burst)
{
    await DrainedAsync(connection);
    await Task.Delay(TimeSpan.FromSeconds(4));
    var mailed = smtp.ReceivedEmail.Count;
    var watch = Stopwatch.StartNew();
    var sent = await RunCountAsync(accounts, 16, burst);
    var accepted = watch.Elapsed;
    var mailedWhileAccepting = smtp.ReceivedEmail.Count - mailed;
    while (smtp.ReceivedEmail.Count < mailed + sent && watch.Elapsed < TimeSpan.FromMinutes(10))
    {
        await Task.Delay(100);
    }

    var drained = smtp.ReceivedEmail.Count - mailed;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: {sent} submissions accepted in {accepted.TotalSeconds:F1} s ({sent / accepted.TotalSeconds:F0}/s), {mailedWhileAccepting} of their e-mails sent meanwhile ({mailedWhileAccepting / accepted.TotalSeconds:F0}/s); all {drained} sent {watch.Elapsed.TotalSeconds:F1} s after the burst began ({drained / watch.Elapsed.TotalSeconds:F0}/s)"));
}

static string RuntimeInformationText() =>
    $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription.Trim()}, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, {File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim()}";

static int FreePort()
{
    using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static async Task<(HttpClient, ApplicationRequest, ApplicationRequest)> AccountAsync(int port, string connection, int i, HashSet<Guid> owners)
{
    var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    var email = $"beban-{i}-{Guid.NewGuid():N}@example.com";
    (await client.PostAsJsonAsync("/api/auth/register", new { email, password = Accounts.Password })).EnsureSuccessStatusCode();
    await ExecuteAsync(connection, $"UPDATE \"AspNetUsers\" SET email_confirmed = true WHERE normalized_email = '{email.ToUpperInvariant()}'");
    await using (var db = new NpgsqlConnection(connection))
    {
        await db.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT id FROM \"AspNetUsers\" WHERE normalized_email = '{email.ToUpperInvariant()}'", db);
        owners.Add((Guid)(await command.ExecuteScalarAsync())!);
    }

    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Accounts.LoginAsync(client, email, Accounts.Password));
    var approved = await client.RestaurantAsync();
    return (client, approved, approved with { Declarations = [] });
}

// The n-th submission: account n mod 8, each account's approved and rejected bodies in turn (every account gets
// both: its business has its NIB after its first approval); its latency in ms when accepted.
static async Task<double?> SubmitAsync(List<(HttpClient Client, ApplicationRequest Approved, ApplicationRequest Rejected)> accounts, int n, bool? keyed = null)
{
    var account = accounts[n % accounts.Count];
    var started = Stopwatch.GetTimestamp();
    using var message = new HttpRequestMessage(HttpMethod.Post, "/api/applications") { Content = JsonContent.Create(n / accounts.Count % 2 == 0 ? account.Approved : account.Rejected) };
    if (keyed ?? Keys.On)
    {
        // As the README tells integrators: every submission with a key of its own.
        message.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
    }

    using var response = await account.Client.SendAsync(message);
    return response.StatusCode == HttpStatusCode.Created ? Stopwatch.GetElapsedTime(started).TotalMilliseconds : null;
}

static async Task<Run> RunAsync(List<(HttpClient Client, ApplicationRequest Approved, ApplicationRequest Rejected)> accounts, int connections, TimeSpan duration)
{
    var (answered, elapsed, failures) = await ClosedLoopAsync(accounts, connections, duration);
    return new Run(answered.Select(a => a.Latency).ToList(), elapsed, failures);
}

// A closed loop in which each connection alternates a keyed and an unkeyed submission; the latencies of each kind.
// Every account sends both kinds with both of its bodies (the kind turns over every second pass through the accounts),
// and half the connections begin with an unkeyed one.
static async Task<(List<double> Keyed, List<double> Unkeyed, TimeSpan Elapsed, int Failures)> RunInterleavedAsync(List<(HttpClient Client, ApplicationRequest Approved, ApplicationRequest Rejected)> accounts, int connections, TimeSpan duration)
{
    var (answered, elapsed, failures) = await ClosedLoopAsync(accounts, connections, duration, (worker, n) => (worker + n + (n / (2 * accounts.Count))) % 2 == 0);
    return (answered.Where(a => a.Keyed).Select(a => a.Latency).ToList(), answered.Where(a => !a.Keyed).Select(a => a.Latency).ToList(), elapsed, failures);
}

// Each connection sends its next submission as soon as the last is answered, until the time is up: every accepted
// one's latency, and whether it carried a key (keyedOf, by connection and turn; Keys.On without it).
static async Task<(List<(bool Keyed, double Latency)> Answered, TimeSpan Elapsed, int Failures)> ClosedLoopAsync(List<(HttpClient Client, ApplicationRequest Approved, ApplicationRequest Rejected)> accounts, int connections, TimeSpan duration, Func<int, int, bool>? keyedOf = null)
{
    var answered = new List<(bool Keyed, double Latency)>[connections];
    var failures = 0;
    var watch = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, connections).Select(async worker =>
    {
        answered[worker] = [];
        for (var n = 0; watch.Elapsed < duration; n++)
        {
            var keyed = keyedOf?.Invoke(worker, n) ?? Keys.On;
            if (await SubmitAsync(accounts, worker + n, keyed) is { } latency)
            {
                answered[worker].Add((keyed, latency));
            }
            else
            {
                Interlocked.Increment(ref failures);
            }
        }
    }));
    return (answered.SelectMany(a => a).ToList(), watch.Elapsed, failures);
}

// Waits half a stretch, then takes what the backends are waiting on, and the stretch's result.
static async Task<(T Result, string Waits)> SampledMidwayAsync<T>(Task<T> running, string connection, int seconds)
{
    await Task.Delay(TimeSpan.FromSeconds(seconds / 2.0));
    var waits = await WaitsAsync(connection);
    return (await running, waits);
}

static async Task<Run> RunAtRateAsync(List<(HttpClient Client, ApplicationRequest Approved, ApplicationRequest Rejected)> accounts, double rate, TimeSpan duration)
{
    var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
    var failures = 0;
    var watch = Stopwatch.StartNew();
    var pending = new List<Task>();
    for (var n = 0; watch.Elapsed < duration; n++)
    {
        var due = TimeSpan.FromSeconds(n / rate);
        if (due > watch.Elapsed)
        {
            await Task.Delay(due - watch.Elapsed);
        }

        var next = n;
        pending.Add(Task.Run(async () =>
        {
            if (await SubmitAsync(accounts, next) is { } latency)
            {
                latencies.Add(latency);
            }
            else
            {
                Interlocked.Increment(ref failures);
            }
        }));
    }

    await Task.WhenAll(pending);
    return new Run(latencies.ToList(), watch.Elapsed, failures);
}

static async Task<int> RunCountAsync(List<(HttpClient Client, ApplicationRequest Approved, ApplicationRequest Rejected)> accounts, int connections, int count)
{
    var next = -1;
    var accepted = 0;
    await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
    {
        int n;
        while ((n = Interlocked.Increment(ref next)) < count)
        {
            if (await SubmitAsync(accounts, n) is not null)
            {
                Interlocked.Increment(ref accepted);
            }
        }
    }));
    return accepted;
}

// The mean of a level's rounds: rates, latencies, statements and CPU averaged.
static (int Level, double Rate, double P50, double P99, double Statements, double ApiCpu, double DbCpu) Mean(List<(int Level, double Rate, double P50, double P99, double Statements, double ApiCpu, double DbCpu)> rounds) =>
    (rounds[0].Level, rounds.Average(r => r.Rate), rounds.Average(r => r.P50), rounds.Average(r => r.P99), rounds.Average(r => r.Statements), rounds.Average(r => r.ApiCpu), rounds.Average(r => r.DbCpu));

static double Percentile(List<double> values, double p)
{
    if (values.Count == 0)
    {
        return double.NaN;
    }

    var sorted = values.Order().ToList();
    return sorted[Math.Clamp((int)Math.Ceiling(sorted.Count * p) - 1, 0, sorted.Count - 1)];
}

static async Task ExecuteAsync(string connection, params string[] statements)
{
    await using var db = new NpgsqlConnection(connection);
    await db.OpenAsync();
    foreach (var sql in statements)
    {
        await using var command = new NpgsqlCommand(sql, db);
        await command.ExecuteNonQueryAsync();
    }
}

static async Task<string> WaitsAsync(string connection)
{
    await using var db = new NpgsqlConnection(connection);
    await db.OpenAsync();
    // Backends waiting on a lock also say which statement waits (its first words), so a shared row shows itself.
    await using var command = new NpgsqlCommand(
        """
        SELECT coalesce(state, '-') || '/' || coalesce(wait_event, 'cpu')
               || CASE WHEN wait_event_type = 'Lock' THEN ' (' || left(regexp_replace(query, '\s+', ' ', 'g'), 60) || ')' ELSE '' END AS w, count(*)
        FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() GROUP BY 1 ORDER BY 2 DESC
        """, db);
    await using var reader = await command.ExecuteReaderAsync();
    var parts = new List<string>();
    while (await reader.ReadAsync())
    {
        parts.Add($"{reader.GetString(0)} {reader.GetInt64(1)}");
    }

    return string.Join(", ", parts);
}

// The statements that took the server's time through a level (pg_stat_statements: execution time, which includes
// waits on locks), each as its time per submission and per call: where PostgreSQL's share of a submission goes.
static async Task<string> HeaviestAsync(string connection, int submissions)
{
    await using var db = new NpgsqlConnection(connection);
    await db.OpenAsync();
    await using var command = new NpgsqlCommand(
        """
        SELECT left(regexp_replace(query, '\s+', ' ', 'g'), 48), total_exec_time, calls, sum(total_exec_time) OVER ()
        FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%' ORDER BY total_exec_time DESC LIMIT 8
        """, db);
    await using var reader = await command.ExecuteReaderAsync();
    var parts = new List<string>();
    while (await reader.ReadAsync())
    {
        if (parts.Count == 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"all statements {1000 * reader.GetDouble(3) / submissions:F0} µs"));
        }

        var total = reader.GetDouble(1);
        parts.Add(string.Create(CultureInfo.InvariantCulture, $"{reader.GetString(0)}… {1000 * total / submissions:F0} µs ({1000 * total / Math.Max(reader.GetInt64(2), 1):F0} µs a call)"));
    }

    return string.Join("; ", parts);
}

// Waits until every notification raised so far has been delivered and every log entry integrated (with the report
// roll-up, in the same loop), or at most two minutes, so that a round does not pay for the background work the one
// before it left queued (at 64 connections e-mails trail the submissions).
static async Task DrainedAsync(string connection)
{
    var watch = Stopwatch.StartNew();
    const string Queued = "SELECT (SELECT count(*) FROM outbox_messages WHERE processed_at IS NULL AND dead_lettered_at IS NULL) + (SELECT count(*) FROM transparency_log WHERE sequence IS NULL)";
    while (await ScalarAsync(connection, Queued) > 0 && watch.Elapsed < TimeSpan.FromMinutes(2))
    {
        await Task.Delay(250);
    }

    await Task.Delay(1000);
}

static async Task<long> ScalarAsync(string connection, string sql)
{
    await using var db = new NpgsqlConnection(connection);
    await db.OpenAsync();
    await using var command = new NpgsqlCommand(sql, db);
    return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
}

// pgbench's rate (without its connection time) and the transactions it ran.
static async Task<(double Rate, int Transactions)> PgbenchAsync(string connection, string script, int clients, int seconds)
{
    var builder = new NpgsqlConnectionStringBuilder(connection);
    var start = new ProcessStartInfo("pgbench")
    {
        ArgumentList = { "-n", "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", Math.Min(clients, 2).ToString(CultureInfo.InvariantCulture), "-T", seconds.ToString(CultureInfo.InvariantCulture), "-f", script, "-h", builder.Host!, "-p", builder.Port.ToString(CultureInfo.InvariantCulture), "-U", builder.Username!, builder.Database! },
        RedirectStandardOutput = true,
        RedirectStandardError = true,
    };
    using var process = Process.Start(start)!;
    var output = await process.StandardOutput.ReadToEndAsync();
    var errors = await process.StandardError.ReadToEndAsync();
    await process.WaitForExitAsync();
    var match = Regex.Match(output, @"tps = ([0-9.]+)");
    var failed = Regex.Match(output + errors, @"number of failed transactions: (\d+)");
    if (failed.Success && failed.Groups[1].Value != "0" || errors.Contains("aborted", StringComparison.Ordinal))
    {
        Console.WriteLine($"pgbench reported failures: {failed.Value} {errors.Split('\n').FirstOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase))}");
    }

    if (!match.Success)
    {
        throw new InvalidOperationException($"pgbench failed: {output}\n{errors}");
    }

    var rate = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    var processed = Regex.Match(output, @"number of transactions actually processed: (\d+)");
    return (rate, processed.Success ? int.Parse(processed.Groups[1].Value, CultureInfo.InvariantCulture) : (int)(rate * seconds));
}

internal sealed record Run(List<double> Latencies, TimeSpan Elapsed, int Failures);

/// <summary>Whether the submissions being sent carry an Idempotency-Key (each its own), as the README asks of integrators.</summary>
internal static class Keys
{
    public static bool On { get; set; }
}

/// <summary>The API as its own process (Release build, Kestrel), as it runs in production.</summary>
internal sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process process;

    private ApiProcess(Process process) => this.process = process;

    public int Pid => process.Id;

    /// <summary>Where the Release build of the API project in <paramref name="apiDirectory"/> puts its entry assembly.</summary>
    public static string ReleaseDll(string apiDirectory) => Path.Combine(apiDirectory, "bin", "Release", "net10.0", "LicensingPortal.Api.dll");

    /// <summary>The API project's folder in a checkout of the repository.</summary>
    public static string ProjectIn(string checkout) => Path.Combine(checkout, "src", "LicensingPortal.Api");

    public DateTime StartTime => process.StartTime;

    /// <summary>The API's own account of where its start went (its "LicensingPortal started …" line).</summary>
    public string StartupLine { get; private set; } = string.Empty;

    /// <summary>As a crash would: SIGKILL, nothing flushed, nothing closed.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public static async Task<ApiProcess> StartAsync(string dll, string contentRoot, int port, Dictionary<string, string> environment, string role, int pollMilliseconds = 200)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = contentRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        if (role != "all")
        {
            start.ArgumentList.Add("--role");
            start.ArgumentList.Add(role);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        // The API logs warnings and errors only (see the environment); each goes to the console with its message line.
        var forward = false;
        var startup = string.Empty;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            if (e.Data.StartsWith("LicensingPortal started", StringComparison.Ordinal))
            {
                startup = e.Data;
            }

            forward = e.Data.StartsWith("warn:", StringComparison.Ordinal) || e.Data.StartsWith("fail:", StringComparison.Ordinal) || (forward && e.Data.StartsWith(' '));
            if (forward)
            {
                Console.Error.WriteLine($"api: {e.Data}");
            }
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine($"api: {e.Data}"); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var probe = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            try
            {
                if ((await probe.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return new ApiProcess(process) { StartupLine = startup };
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
            }

            if (DateTime.UtcNow > deadline || process.HasExited)
            {
                throw new InvalidOperationException("The API did not become ready.");
            }

            await Task.Delay(pollMilliseconds);
        }
    }

    public async ValueTask DisposeAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
    }
}

/// <summary>Reads the statements one request executed from the server log, and turns them into a pgbench script.</summary>
internal static partial class Capture
{
    public sealed record Captured(List<string> Statements);

    public static Captured Read(string logFile, long from)
    {
        using var stream = new FileStream(logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(from, SeekOrigin.Begin);
        var text = new StreamReader(stream).ReadToEnd();
        var entries = new List<string>();
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith("@@", StringComparison.Ordinal))
            {
                entries.Add(line[(line.IndexOf("@@", 2, StringComparison.Ordinal) + 2)..]);
            }
            else if (entries.Count > 0)
            {
                entries[^1] += "\n" + line;
            }
        }

        var statements = new List<string>();
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i].TrimStart();
            var statement = StatementLine().Match(entry);
            if (!statement.Success || entry.Contains("pg_reload_conf", StringComparison.Ordinal) || entry.Contains("log_statement", StringComparison.Ordinal))
            {
                continue;
            }

            var sql = statement.Groups["sql"].Value.Trim();
            if (i + 1 < entries.Count && entries[i + 1].TrimStart().StartsWith("DETAIL:  parameters:", StringComparison.Ordinal))
            {
                var values = Parameter().Matches(entries[i + 1]).ToDictionary(m => int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture), m => m.Groups["v"].Value);
                sql = Placeholder().Replace(sql, m => values.TryGetValue(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), out var v) ? v : m.Value);
            }

            statements.Add(sql);
        }

        return new Captured(statements);
    }

    /// <summary>
    /// The statements as a pgbench transaction script: every id the request created is replaced by a fresh one per
    /// run, and the business (whose row a submission locks) is one of the eight, at random, as in the app's load.
    /// </summary>
    public static string ToPgbench(Captured captured, Guid[] businesses, HashSet<Guid> existing)
    {
        var script = new StringBuilder();
        var fresh = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var body = new StringBuilder();
        // The request's own SQL: not the connection resets, and not the job queue's (the dispatcher enqueues the
        // delivery off the request, on its own connection), whose transactions are left empty and dropped.
        var own = captured.Statements.Where(s => !s.StartsWith("DISCARD", StringComparison.OrdinalIgnoreCase) && !s.Contains("\"hangfire\".", StringComparison.Ordinal)).ToList();
        for (var i = own.Count - 2; i >= 0; i--)
        {
            if (own[i].StartsWith("BEGIN", StringComparison.OrdinalIgnoreCase) && own[i + 1].StartsWith("COMMIT", StringComparison.OrdinalIgnoreCase))
            {
                own.RemoveRange(i, 2);
            }
        }

        foreach (var statement in own)
        {
            var sql = Uuid().Replace(statement, m =>
            {
                var id = Guid.Parse(m.Groups[1].Value);
                if (businesses.Contains(id))
                {
                    return ":business";
                }

                if (existing.Contains(id))
                {
                    return m.Value;
                }

                if (!fresh.TryGetValue(m.Groups[1].Value, out var name))
                {
                    name = $"u{fresh.Count}";
                    fresh[m.Groups[1].Value] = name;
                }

                return ":" + name;
            });
            body.Append(sql.TrimEnd().TrimEnd(';')).Append(";\n");
        }

        script.Append(CultureInfo.InvariantCulture, $"\\set b random(0, {businesses.Length - 1})\n");
        script.Append("SELECT quote_literal((ARRAY[").Append(string.Join(", ", businesses.Select(b => $"'{b}'"))).Append("])[:b + 1]) AS business \\gset\n");
        if (fresh.Count > 0)
        {
            script.Append("SELECT ").Append(string.Join(", ", fresh.Values.Select(n => $"quote_literal(gen_random_uuid()) AS {n}"))).Append(" \\gset\n");
        }

        // pgbench reads one statement per line: fold each statement onto its own line.
        foreach (var sql in body.ToString().Split(";\n", StringSplitOptions.RemoveEmptyEntries))
        {
            script.Append(Whitespace().Replace(sql, " ")).Append(";\n");
        }

        return script.ToString();
    }

    [GeneratedRegex(@"^(LOG:\s+(execute [^:]*|statement)):\s(?<sql>.*)$", RegexOptions.Singleline)]
    private static partial Regex StatementLine();

    [GeneratedRegex(@"\$(?<n>\d+) = (?<v>NULL|'(?:[^']|'')*')")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"\$(\d+)\b")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"'([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})'")]
    private static partial Regex Uuid();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
