using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using LicensingPortal.Api.Features.Applications;
using LicensingPortal.Api.Tests.Infrastructure;
using Npgsql;

namespace LicensingPortal.Api.Tests.Hosting;

/// <summary>One node of the service as its own operating-system process, started as docs/operations.md says.</summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringWriter output = new();

    private NodeProcess(Process process, int port, string dataDirectory)
    {
        this.process = process;
        Port = port;
        DataDirectory = dataDirectory;
    }

    public int Port { get; }

    public string DataDirectory { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}");

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static async Task<NodeProcess> StartAsync(string role, string postgres, int smtpPort, IEnumerable<string>? arguments = null)
    {
        var port = FreePort();
        var data = Directory.CreateTempSubdirectory("lp-proc-").FullName;
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = TestPaths.RepositoryRoot, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "LicensingPortal.Api.dll"));
        foreach (var argument in arguments ?? [])
        {
            start.ArgumentList.Add(argument);
        }

        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["Node__Role"] = role,
            ["ConnectionStrings__Postgres"] = postgres,
            ["Storage__DataDirectory"] = data,
            ["Rules__Directory"] = Path.Combine(TestPaths.RepositoryRoot, "rules"),
            ["Rules__SeedsDirectory"] = Path.Combine(TestPaths.RepositoryRoot, "seeds"),
            ["Email__SmtpHost"] = "127.0.0.1",
            ["Email__SmtpPort"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email__Security"] = "None",
            ["Jobs__PollIntervalSeconds"] = "1",
            ["Jobs__WorkerCount"] = "4",
            ["Jobs__SweepCron"] = "*/5 * * * * *",
            ["Notifications__LeaseSeconds"] = "60",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in Portal.DefaultSettings())
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value!;
        }

        // Six sign-in requests per address and day, for the whole service (the test counts them).
        environment["RateLimits__AuthPermitLimit"] = "6";
        environment["RateLimits__WindowSeconds"] = "86400";

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var node = new NodeProcess(Process.Start(start)!, port, data);
        node.process.OutputDataReceived += (_, e) => node.Note(e.Data);
        node.process.ErrorDataReceived += (_, e) => node.Note(e.Data);
        node.process.BeginOutputReadLine();
        node.process.BeginErrorReadLine();
        return node;
    }

    /// <summary>Waits until the node answers its readiness check.</summary>
    public async Task<NodeProcess> ReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        await Eventually.TrueAsync(
            async () =>
            {
                Assert.False(process.HasExited, $"The node stopped: {Output}");
                try
                {
                    return (await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            $"the {Address} node is ready",
            TimeSpan.FromMinutes(2));
        return this;
    }

    public async Task<int> ExitAsync()
    {
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return process.ExitCode;
    }

    /// <summary>SIGTERM, as a restart or a deploy stops a node (systemd, docker compose restart); its exit code once it has stopped.</summary>
    public async Task<int> StopAsync()
    {
        using (var signal = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) } })!)
        {
            await signal.WaitForExitAsync();
        }

        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        return process.ExitCode;
    }

    /// <summary>SIGKILL: no shutdown, no flush, as a crash or an OOM kill.</summary>
    public void Kill() => process.Kill(entireProcessTree: true);

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            Kill();
            await process.WaitForExitAsync();
        }

        process.Dispose();
        Directory.Delete(DataDirectory, recursive: true);
    }

    private void Note(string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.WriteLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>
/// Two web processes and a worker on one PostgreSQL, each with its own data folder, and a client that alternates
/// between the web nodes: a page sign-in on one node holds on the other, the sign-in limit counts both, a keyed
/// retry on the other node answers the same bytes; then a web node is killed with SIGKILL and the worker restarted
/// (SIGTERM, then a new process) in the middle of 200 submissions, and nothing acknowledged is lost, nothing is decided
/// twice, every decision is e-mailed exactly once, one integrator runs at a time, and the log verifies.
/// </summary>
public sealed class NodeProcessTests
{
    private const int Submissions = 200;

    [Fact]
    public async Task TwoWebNodesAndAWorker_SurviveAKilledWebNodeAndARestartedWorker_WithNothingLostOrDoubled()
    {
        var postgres = await PostgresCluster.Instance.CreateDatabaseAsync("lp");
        using var smtp = new TestSmtpServer();
        await using var webA = await (await NodeProcess.StartAsync("web", postgres, smtp.Port)).ReadyAsync();
        await using var webB = await (await NodeProcess.StartAsync("web", postgres, smtp.Port)).ReadyAsync();
        var worker = await (await NodeProcess.StartAsync("worker", postgres, smtp.Port)).ReadyAsync();
        NodeProcess? restarted = null;
        try
        {
            using var a = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = webA.Address, Timeout = TimeSpan.FromSeconds(30) };
            using var b = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = webB.Address, Timeout = TimeSpan.FromSeconds(30) };
            // A web node started with the example contacts says so (a worker serves no help page).
            await Eventually.TrueAsync(() => webA.Output.Contains("the help page shows example contacts", StringComparison.Ordinal), "the web node names the placeholder contacts");
            await Eventually.TrueAsync(() => worker.Output.Contains("LicensingPortal started", StringComparison.Ordinal), "the worker has printed its start");
            Assert.DoesNotContain("the help page shows example contacts", worker.Output, StringComparison.Ordinal);
            await RateWindows.WithinOneDayAsync(TimeSpan.FromMinutes(1));

            // Sign-in request 1: the API's, on A.
            var login = await a.PostAsJsonAsync("/api/auth/login", new { email = "pemohon1@demo.kupang.test", password = "Pemohon-Demo-2026" });
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
            var token = (await login.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accessToken").GetString();
            foreach (var client in new[] { a, b })
            {
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            // Sign-in request 2: the page's form, read from B and posted to A; the next page is asked of B.
            using var pagesA = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = webA.Address };
            using var pagesB = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = webB.Address };
            using (var form = await pagesB.GetAsync("/akun/masuk"))
            {
                var html = await form.Content.ReadAsStringAsync();
                var antiForgery = Forms.AntiForgeryToken(html);
                using var post = new HttpRequestMessage(HttpMethod.Post, "/akun/masuk")
                {
                    Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "pemohon2@demo.kupang.test", ["Password"] = "Pemohon-Demo-2026", ["__RequestVerificationToken"] = antiForgery }),
                };
                post.Headers.Add("Cookie", CookiesOf(form));
                using var signedIn = await pagesA.SendAsync(post);
                Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
                using var next = new HttpRequestMessage(HttpMethod.Get, "/pemohon/permohonan");
                next.Headers.Add("Cookie", CookiesOf(signedIn));
                using var page = await pagesB.SendAsync(next);
                Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            }

            // Requests 3 to 6 are let through, whichever node answers; from the seventh on, both refuse.
            var guesses = new List<HttpStatusCode>();
            for (var i = 0; i < 8; i++)
            {
                using var guess = await (i % 2 == 0 ? b : a).PostAsJsonAsync("/api/auth/login", new { email = "tidak-ada@demo.kupang.test", password = "Salah-Tebak-2026" });
                guesses.Add(guess.StatusCode);
            }

            HttpStatusCode[] expected = [.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 4), .. Enumerable.Repeat(HttpStatusCode.TooManyRequests, 4)];
            Assert.Equal(expected, guesses.ToArray());

            var email = $"proses-{Guid.NewGuid():N}@example.com";
            var businessId = await b.RegisterBusinessAsync(Builders.SoleProprietor() with { Email = email });
            var request = Builders.Restaurant(businessId, await a.UploadAsync());

            // A keyed submission retried on the other node answers the same bytes.
            var key = Guid.NewGuid().ToString();
            var first = await a.SubmitKeyedAsync(request, key);
            var again = await b.SubmitKeyedAsync(request, key);
            Assert.Equal(HttpStatusCode.Created, first.Status);
            Assert.Equal(first.Body, again.Body);

            // 200 more, spread over both web nodes; B is killed after 60, the worker restarted after 120. A request that
            // gets no answer is sent again with its key to the node still up, as the README tells integrators to.
            var acknowledged = new ConcurrentDictionary<string, Guid>();
            var integrators = new List<long>();
            var bAlive = true;
            using var gate = new SemaphoreSlim(8);
            var sent = 0;
            var tasks = new List<Task>();
            for (var i = 0; i < Submissions; i++)
            {
                await gate.WaitAsync();
                var n = Interlocked.Increment(ref sent);
                if (n == 60)
                {
                    webB.Kill();
                    Volatile.Write(ref bAlive, false);
                }
                else if (n == 120)
                {
                    Assert.Equal(0, await worker.StopAsync());
                    restarted = await NodeProcess.StartAsync("worker", postgres, smtp.Port);
                }

                if (n % 25 == 0)
                {
                    integrators.Add(await IntegratorsAsync(postgres));
                }

                var submissionKey = Guid.NewGuid().ToString();
                var useB = i % 2 == 1 && Volatile.Read(ref bAlive);
                tasks.Add(Task.Run(async () =>
                {
                    try
                    {
                        var client = useB ? b : a;
                        for (var attempt = 0; ; attempt++)
                        {
                            try
                            {
                                var answer = await client.SubmitKeyedAsync(request, submissionKey);
                                Assert.Equal(HttpStatusCode.Created, answer.Status);
                                acknowledged[submissionKey] = System.Text.Json.JsonSerializer.Deserialize<ApplicationResponse>(answer.Body, TestJson.Options)!.Id;
                                return;
                            }
                            catch (Exception ex) when ((ex is HttpRequestException or TaskCanceledException) && attempt < 5)
                            {
                                client = a;
                            }
                        }
                    }
                    finally
                    {
                        gate.Release();
                    }
                }));
            }

            await Task.WhenAll(tasks);
            await restarted!.ReadyAsync();
            integrators.Add(await IntegratorsAsync(postgres));

            // One integrator at a time (the elected worker's advisory lock), and one there is.
            Assert.All(integrators, count => Assert.InRange(count, 0, 1));
            Assert.Equal(1, integrators[^1]);
            Assert.Equal(Submissions, acknowledged.Count);

            // Nothing acknowledged is lost; every key made one application.
            await using (var connection = new NpgsqlConnection(postgres))
            {
                await connection.OpenAsync();
                await using var count = new NpgsqlCommand("SELECT id FROM applications WHERE business_id = $1", connection) { Parameters = { new() { Value = businessId } } };
                var stored = new HashSet<Guid>();
                await using (var reader = await count.ExecuteReaderAsync())
                {
                    while (await reader.ReadAsync())
                    {
                        stored.Add(reader.GetGuid(0));
                    }
                }

                Assert.Equal(Submissions + 1, stored.Count);
                Assert.Subset(stored, acknowledged.Values.Append(JsonId(first.Body)).ToHashSet());
            }

            // Every notification is delivered (by whichever worker ran), and none twice.
            var applications = acknowledged.Values.Append(JsonId(first.Body)).ToArray();
            var notifications = 0L;
            await Eventually.TrueAsync(
                async () =>
                {
                    await using var connection = new NpgsqlConnection(postgres);
                    await connection.OpenAsync();
                    await using var waiting = new NpgsqlCommand("SELECT count(*) FILTER (WHERE processed_at IS NULL AND dead_lettered_at IS NULL), count(*) FROM outbox_messages WHERE channel = 'email' AND subject_id = ANY($1)", connection) { Parameters = { new() { Value = applications } } };
                    await using var reader = await waiting.ExecuteReaderAsync();
                    await reader.ReadAsync();
                    notifications = reader.GetInt64(1);
                    return reader.GetInt64(0) == 0;
                },
                "every e-mail is delivered",
                TimeSpan.FromMinutes(3));
            var mails = smtp.ReceivedEmail.Where(m => m.ToAddresses.Any(t => t.Address == email)).Select(m => m.Headers["X-LicensingPortal-Notification-Id"]).ToList();
            Assert.True(notifications >= applications.Length, $"{notifications} e-mails for {applications.Length} decisions");
            // Exactly one e-mail per notification: the stopped worker finished what it was sending, recorded it and gave
            // back what it had not started, and the new one sent those once.
            Assert.Equal(notifications, mails.Distinct().Count());
            Assert.Equal(notifications, mails.Count);

            // The log the nodes wrote together verifies.
            await using var audit = await NodeProcess.StartAsync("all", postgres, smtp.Port, ["audit", "verify"]);
            Assert.True(await audit.ExitAsync() == 0, audit.Output);

            // The service's own processes hash a password at the full cost (the in-memory hosts of the other tests use
            // fewer rounds, PortalFactory.TestPasswordRounds): the demo applicant signed in above was hashed by the seeding node.
            await using (var connection = new NpgsqlConnection(postgres))
            {
                await connection.OpenAsync();
                await using var hash = new NpgsqlCommand("SELECT password_hash FROM \"AspNetUsers\" WHERE normalized_email = $1", connection) { Parameters = { new() { Value = "PEMOHON1@DEMO.KUPANG.TEST" } } };
                Assert.Equal(100_000, PasswordRounds((string)(await hash.ExecuteScalarAsync())!));
            }
        }
        finally
        {
            await worker.DisposeAsync();
            if (restarted is not null)
            {
                await restarted.DisposeAsync();
            }
        }
    }

    private static string CookiesOf(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.Select(c => c.Split(';')[0]) : []);

    /// <summary>Sessions holding the log integrator's advisory lock in this test's database (the cluster serves other tests' too).</summary>
    private static async Task<long> IntegratorsAsync(string postgres)
    {
        await using var connection = new NpgsqlConnection(postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1 AND ((classid::bigint << 32) | objid::bigint) = $1 AND database = (SELECT oid FROM pg_database WHERE datname = current_database())", connection)
        {
            Parameters = { new() { Value = Api.Infrastructure.Jobs.LeaderElection.LockKey } },
        };
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The PBKDF2 rounds written in an Identity (version 3) hash: a marker byte, the PRF, then the count, big-endian.</summary>
    private static int PasswordRounds(string hash) => System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(Convert.FromBase64String(hash).AsSpan(5, 4));

    private static Guid JsonId(byte[] body) => System.Text.Json.JsonSerializer.Deserialize<ApplicationResponse>(body, TestJson.Options)!.Id;

}
