using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using LicensingPortal.Api.Features.Applications;
using LicensingPortal.Api.Tests.Infrastructure;
using Npgsql;

/// <summary>
/// One node against two web nodes and a worker, telemetry off against on, and the rate limits counted in PostgreSQL
/// against per process, in one run (issue 25). Keyed
/// submissions (as integrators call), closed loop, from eight accounts, at each connection count; every setup runs
/// in each round, in turn, on a database of its own, so the machine's noise falls on all of them alike. Command:
///   [LOADBENCH_BASELINE=(checkout of the previous commit, built with dotnet build -c Release src/LicensingPortal.Api)] \
///   dotnet run -c Release --project bench/LicensingPortal.LoadBench -- nodes [seconds per run, default 12] [rounds, default 3] [connections, default 16,64]
/// Telemetry on exports over OTLP (http/protobuf) to a local sink that answers 200, so export is paid for too.
/// </summary>
internal static class Nodes
{
    private sealed record Setup(string Name, string[] Roles, Dictionary<string, string> Extra, string? Dll = null, string? ContentRoot = null);

    public static async Task<int> RunAsync(string apiDll, string apiDirectory, int seconds, int rounds, int[] levels)
    {
        var cluster = new PostgresCluster { ServerSettings = "-c max_connections=400" };
        await cluster.InitializeAsync();
        using var smtp = new TestSmtpServer();
        using var sink = new OtlpSink();
        Setup[] setups =
        [
            new("one node (all), telemetry off", ["all"], []),
            new("one node (all), rate limits per process", ["all"], new() { ["RateLimits__Shared"] = "false" }),
            new("one node (all), telemetry on (OTLP)", ["all"], new() { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://127.0.0.1:{sink.Port}", ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf" }),
            new("two web nodes + one worker, telemetry off", ["web", "web", "worker"], []),
        ];
        // LOADBENCH_BASELINE: the folder of another checkout whose src/LicensingPortal.Api has a Release build (the previous commit).
        if (Environment.GetEnvironmentVariable("LOADBENCH_BASELINE") is { Length: > 0 } previous)
        {
            var baselineApi = ApiProcess.ProjectIn(previous);
            setups = [.. setups, new("one node (all), baseline build", ["all"], [], ApiProcess.ReleaseDll(baselineApi), baselineApi)];
        }

        var databases = new Dictionary<string, string>();
        foreach (var setup in setups)
        {
            databases[setup.Name] = await cluster.CreateDatabaseAsync("nodes");
        }

        Console.WriteLine($"machine: {Environment.ProcessorCount} cores; {DateTime.UtcNow:yyyy-MM-dd}; {seconds} s per run, {rounds} rounds, keyed submissions, SMTP sink");
        var results = new Dictionary<(string, int), List<(double Rate, double P50, double P99)>>();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var setup in setups)
            {
                var nodes = new List<ApiProcess>();
                var webPorts = new List<int>();
                var data = new List<DirectoryInfo>();
                foreach (var role in setup.Roles)
                {
                    var port = FreePort();
                    var folder = Directory.CreateTempSubdirectory("lp-nodes-");
                    data.Add(folder);
                    var environment = new Dictionary<string, string>(setup.Extra)
                    {
                        ["ConnectionStrings__Postgres"] = databases[setup.Name],
                        ["Storage__DataDirectory"] = folder.FullName,
                        ["Permits__SigningKey"] = Portal.DefaultSettings()["Permits:SigningKey"]!,
                        ["Transparency__SigningKey"] = Portal.DefaultSettings()["Transparency:SigningKey"]!,
                        ["RateLimits__AuthPermitLimit"] = "1000000",
                        ["RateLimits__SubmissionPermitLimit"] = "1000000",
                        ["Email__SmtpHost"] = "127.0.0.1",
                        ["Email__SmtpPort"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
                        ["Email__Security"] = "None",
                        ["Logging__LogLevel__Default"] = "Warning",
                    };
                    nodes.Add(await ApiProcess.StartAsync(setup.Dll ?? apiDll, setup.ContentRoot ?? apiDirectory, port, environment, role));
                    if (role != "worker")
                    {
                        webPorts.Add(port);
                    }
                }

                var accounts = new List<(HttpClient[] Clients, ApplicationRequest Body)>();
                for (var i = 0; i < 8; i++)
                {
                    accounts.Add(await AccountAsync(webPorts, databases[setup.Name], i));
                }

                foreach (var level in levels)
                {
                    var (rate, p50, p99) = await LoadAsync(accounts, level, TimeSpan.FromSeconds(seconds));
                    (results.TryGetValue((setup.Name, level), out var list) ? list : results[(setup.Name, level)] = []).Add((rate, p50, p99));
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round + 1}, {setup.Name}, {level} connections: {rate:F1} submissions/s, p50 {p50:F0} ms, p99 {p99:F0} ms"));
                }

                foreach (var account in accounts)
                {
                    foreach (var client in account.Clients)
                    {
                        client.Dispose();
                    }
                }

                foreach (var node in nodes)
                {
                    await node.DisposeAsync();
                }

                foreach (var folder in data)
                {
                    folder.Delete(recursive: true);
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine("| setup | connections | submissions/s (median of rounds) | vs one node, telemetry off | p50 ms | p99 ms |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var level in levels)
        {
            var baseline = Median(results[(setups[0].Name, level)].Select(r => r.Rate));
            foreach (var setup in setups)
            {
                var runs = results[(setup.Name, level)];
                var rate = Median(runs.Select(r => r.Rate));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {setup.Name} | {level} | {rate:F1} ({string.Join(", ", runs.Select(r => r.Rate.ToString("F1", CultureInfo.InvariantCulture)))}) | {rate / baseline:F2} | {Median(runs.Select(r => r.P50)):F0} | {Median(runs.Select(r => r.P99)):F0} |"));
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"OTLP sink received {sink.Requests} export requests"));
        await cluster.DisposeAsync();
        return 0;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static async Task<(double Rate, double P50, double P99)> LoadAsync(List<(HttpClient[] Clients, ApplicationRequest Body)> accounts, int connections, TimeSpan duration)
    {
        var latencies = new List<double>();
        var done = 0;
        var watch = Stopwatch.StartNew();
        var next = 0;
        await Task.WhenAll(Enumerable.Range(0, connections).Select(c => Task.Run(async () =>
        {
            var account = accounts[c % accounts.Count];
            var mine = new List<double>();
            while (watch.Elapsed < duration)
            {
                // The client alternates the web nodes on every request, as a round-robin proxy would.
                var client = account.Clients[Interlocked.Increment(ref next) % account.Clients.Length];
                var started = Stopwatch.GetTimestamp();
                using var message = new HttpRequestMessage(HttpMethod.Post, "/api/applications") { Content = JsonContent.Create(account.Body) };
                message.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
                using var response = await client.SendAsync(message);
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    Interlocked.Increment(ref done);
                }
            }

            lock (latencies)
            {
                latencies.AddRange(mine);
            }
        })));
        var elapsed = watch.Elapsed.TotalSeconds;
        latencies.Sort();
        return (done / elapsed, latencies.Count == 0 ? 0 : latencies[latencies.Count / 2], latencies.Count == 0 ? 0 : latencies[(int)(latencies.Count * 0.99)]);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<(HttpClient[], ApplicationRequest)> AccountAsync(List<int> ports, string connection, int i)
    {
        var clients = ports.Select(port => new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) }).ToArray();
        var email = $"nodes-{i}-{Guid.NewGuid():N}@example.com";
        (await clients[0].PostAsJsonAsync("/api/auth/register", new { email, password = Accounts.Password })).EnsureSuccessStatusCode();
        await using (var db = new NpgsqlConnection(connection))
        {
            await db.OpenAsync();
            await using var command = new NpgsqlCommand("UPDATE \"AspNetUsers\" SET email_confirmed = true WHERE normalized_email = $1", db) { Parameters = { new() { Value = email.ToUpperInvariant() } } };
            await command.ExecuteNonQueryAsync();
        }

        var token = await Accounts.LoginAsync(clients[0], email, Accounts.Password);
        foreach (var client in clients)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return (clients, await clients[^1].RestaurantAsync());
    }

    /// <summary>An OTLP/HTTP endpoint that takes every export and answers 200 with an empty body.</summary>
    private sealed class OtlpSink : IDisposable
    {
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource stop = new();
        private int requests;

        public OtlpSink()
        {
            listener.Start();
            _ = Task.Run(AcceptAsync);
        }

        public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

        public int Requests => Volatile.Read(ref requests);

        public void Dispose()
        {
            stop.Cancel();
            listener.Stop();
            stop.Dispose();
        }

        private async Task AcceptAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await listener.AcceptTcpClientAsync(stop.Token);
                }
                catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
                {
                    return;
                }

                _ = Task.Run(() => ServeAsync(client));
            }
        }

        private async Task ServeAsync(TcpClient client)
        {
            using (client)
            {
                var stream = client.GetStream();
                var buffer = new byte[64 * 1024];
                var pending = new List<byte>();
                try
                {
                    while (true)
                    {
                        // Headers up to the blank line, then Content-Length bytes of body.
                        int end;
                        while ((end = IndexOfHeadersEnd(pending)) < 0)
                        {
                            var read = await stream.ReadAsync(buffer);
                            if (read == 0)
                            {
                                return;
                            }

                            pending.AddRange(buffer.AsSpan(0, read).ToArray());
                        }

                        var headers = System.Text.Encoding.ASCII.GetString(pending.GetRange(0, end).ToArray());
                        var length = headers.Split("\r\n").Where(h => h.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)).Select(h => int.Parse(h[15..].Trim(), CultureInfo.InvariantCulture)).FirstOrDefault();
                        while (pending.Count < end + 4 + length)
                        {
                            var read = await stream.ReadAsync(buffer);
                            if (read == 0)
                            {
                                return;
                            }

                            pending.AddRange(buffer.AsSpan(0, read).ToArray());
                        }

                        pending.RemoveRange(0, end + 4 + length);
                        Interlocked.Increment(ref requests);
                        await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: application/x-protobuf\r\nContent-Length: 0\r\n\r\n"u8.ToArray());
                    }
                }
                catch (IOException)
                {
                }
            }
        }

        private static int IndexOfHeadersEnd(List<byte> bytes)
        {
            for (var i = 0; i + 3 < bytes.Count; i++)
            {
                if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n')
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
