using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using LicensingPortal.Api.Features.Applications;
using LicensingPortal.Api.Tests.Infrastructure;
using Npgsql;

/// <summary>
/// Ready after a crash: the API (Release, Kestrel, PostgreSQL) under a steady paced load is killed with SIGKILL and
/// started again at once; the time from the new process's start to its first 200 from /health/ready is what an
/// operator's restart costs. The load keeps running through it (refused requests are counted, then retried by the
/// clients as integrators would). Command:
///   dotnet run -c Release --project bench/LicensingPortal.LoadBench -- restart [rate per second, default 40] [kills, default 3]
/// With a baseline build, restarts alternate between it and the build measured (the baseline first), on the same
/// database under the same load, and each build's median is reported.
/// </summary>
internal static class Restart
{
    public static async Task<int> RunAsync(string apiDll, string? baselineDll, string apiDirectory, double rate, int kills)
    {
        var cluster = new PostgresCluster { ServerSettings = "-c max_connections=300" };
        await cluster.InitializeAsync();
        var data = Directory.CreateTempSubdirectory("lp-restart-");
        var connection = await cluster.CreateDatabaseAsync("restart");
        var port = FreePort();
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Postgres"] = connection,
            ["Storage__DataDirectory"] = data.FullName,
            ["Permits__SigningKey"] = Portal.DefaultSettings()["Permits:SigningKey"]!,
            ["Transparency__SigningKey"] = Portal.DefaultSettings()["Transparency:SigningKey"]!,
            ["RateLimits__AuthPermitLimit"] = "1000000",
            ["RateLimits__SubmissionPermitLimit"] = "1000000",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores; {DateTime.UtcNow:yyyy-MM-dd}; paced load {rate}/s; {kills} kills");
        var api = await ApiProcess.StartAsync(apiDll, apiDirectory, port, environment, "all");
        var accounts = new List<(HttpClient Client, ApplicationRequest Body)>();
        for (var i = 0; i < 8; i++)
        {
            accounts.Add(await AccountAsync(port, connection, i));
        }

        using var stop = new CancellationTokenSource();
        var refused = 0;
        var accepted = 0;
        var load = Task.Run(async () =>
        {
            var watch = Stopwatch.StartNew();
            var pending = new List<Task>();
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var due = TimeSpan.FromSeconds(n / rate);
                if (due > watch.Elapsed)
                {
                    await Task.Delay(due - watch.Elapsed);
                }

                var account = accounts[n % accounts.Count];
                pending.Add(Task.Run(async () =>
                {
                    try
                    {
                        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/applications") { Content = JsonContent.Create(account.Body) };
                        message.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
                        using var response = await account.Client.SendAsync(message);
                        _ = response.StatusCode == HttpStatusCode.Created ? Interlocked.Increment(ref accepted) : Interlocked.Increment(ref refused);
                    }
                    catch (HttpRequestException)
                    {
                        Interlocked.Increment(ref refused);
                    }
                }));
            }

            await Task.WhenAll(pending);
        });

        var readyAfter = new Dictionary<string, List<double>> { ["measured"] = [], ["baseline"] = [] };
        for (var kill = 0; kill < kills; kill++)
        {
            await Task.Delay(TimeSpan.FromSeconds(15));
            api.Kill();
            var build = baselineDll is not null && kill % 2 == 0 ? "baseline" : "measured";
            var restarted = Stopwatch.StartNew();
            api = await ApiProcess.StartAsync(build == "baseline" ? baselineDll! : apiDll, apiDirectory, port, environment, "all", pollMilliseconds: 20);
            var ready = (DateTime.Now - api.StartTime).TotalMilliseconds;
            readyAfter[build].Add(ready);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"kill {kill + 1} ({build}): ready {ready:F0} ms after the new process began ({restarted.Elapsed.TotalMilliseconds:F0} ms after the kill); {api.StartupLine}"));
        }

        await Task.Delay(TimeSpan.FromSeconds(5));
        await stop.CancelAsync();
        await load;
        foreach (var (build, times) in readyAfter.Where(entry => entry.Value.Count > 0))
        {
            var sorted = times.Order().ToList();
            var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ready after kill, {build} build ({times.Count} kills): median {median:F0} ms, max {sorted[^1]:F0} ms; all: {string.Join(", ", times.Select(t => t.ToString("F0", CultureInfo.InvariantCulture)))}"));
        }

        Console.WriteLine($"{accepted} submissions accepted, {refused} refused or unanswered while the process was down");
        await api.DisposeAsync();
        await cluster.DisposeAsync();
        data.Delete(recursive: true);
        return 0;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<(HttpClient, ApplicationRequest)> AccountAsync(int port, string connection, int i)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        var email = $"restart-{i}-{Guid.NewGuid():N}@example.com";
        (await client.PostAsJsonAsync("/api/auth/register", new { email, password = Accounts.Password })).EnsureSuccessStatusCode();
        await using (var db = new NpgsqlConnection(connection))
        {
            await db.OpenAsync();
            await using var command = new NpgsqlCommand($"UPDATE \"AspNetUsers\" SET email_confirmed = true WHERE normalized_email = '{email.ToUpperInvariant()}'", db);
            await command.ExecuteNonQueryAsync();
        }

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Accounts.LoginAsync(client, email, Accounts.Password));
        return (client, await client.RestaurantAsync());
    }
}
