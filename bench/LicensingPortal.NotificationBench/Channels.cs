using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using LicensingPortal.Api.Data;
using LicensingPortal.Api.Domain;
using LicensingPortal.Api.Infrastructure.Jobs;
using LicensingPortal.Api.Shared;
using LicensingPortal.Api.Tests.Infrastructure;
using LicensingPortal.Bench;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

/// <summary>
/// What one decision e-mail costs on each channel (issue 21, point 3), and what the number of delivery workers buys:
/// for the pickup folder (the embedded default) and for SMTP, with 2, 4 and 16 Hangfire workers, a fresh host queues
/// a burst of decision e-mails the way committed submissions hand them over (OutboxDispatch, ten to a job) and drains
/// it. Per configuration: notifications per second, and CPU milliseconds per notification of the host (delivery jobs,
/// Hangfire, the dispatcher), of PostgreSQL and of the SMTP sink, which runs as a process of its own so that its
/// parsing is not counted as the service's. After a warm-up round, configurations run in turn, each round starting
/// one further on, and the medians over rounds are printed.
/// </summary>
internal static class Channels
{
    private static readonly int[] WorkerCounts = [2, 4, 16];

    public static async Task<int> RunAsync(int count, int rounds)
    {
        var cluster = new PostgresCluster();
        await cluster.InitializeAsync();
        await using var sink = await SinkProcess.StartAsync();
        var data = Directory.CreateTempSubdirectory("lp-channels-");
        try
        {
            var connection = await cluster.CreateDatabaseAsync("channels");
            Console.WriteLine($"machine: {Environment.ProcessorCount} cores; {DateTime.UtcNow:yyyy-MM-dd}; {count} decision e-mails per run, {rounds} rounds; SMTP sink in its own process (pid {sink.Pid})");
            var results = new List<(string Channel, int Workers, double Rate, double HostCpu, double DbCpu, double SinkCpu)>();
            (string Channel, int Workers)[] configurations = [.. WorkerCounts.SelectMany(w => new[] { ("pickup", w), ("smtp", w) })];

            // Round 0 warms this process (the hosts share its JIT); it is printed and left out of the medians. Each
            // later round runs the configurations in an order of its own (shuffled, fixed seed), so that none always
            // follows the same one (the one before is disposed and collected before each measurement all the same).
            var shuffle = new Random(21);
            for (var round = 0; round <= rounds; round++)
            {
                var order = round == 0 ? configurations : [.. configurations.OrderBy(_ => shuffle.Next())];
                foreach (var (channel, workers) in order)
                {
                    var result = await DrainAsync(connection, data.FullName, sink, channel, workers, count);
                    if (round > 0)
                    {
                        results.Add(result);
                    }

                    Console.WriteLine($"round {round}{(round == 0 ? " (warm-up)" : string.Empty)}: {channel,-6} {workers,2} workers: {result.Rate,6:F1} notifications/s; CPU ms per notification: host {result.HostCpu:F2}, PostgreSQL {result.DbCpu:F2}, sink {result.SinkCpu:F2}");
                }
            }

            Console.WriteLine();
            Console.WriteLine("| workers | channel | notifications/s (median) | host CPU ms / notification | PostgreSQL CPU ms / notification | SMTP sink CPU ms / notification |");
            Console.WriteLine("|---|---|---|---|---|---|");
            foreach (var group in results.GroupBy(r => (r.Workers, r.Channel)).OrderBy(g => g.Key.Workers).ThenBy(g => g.Key.Channel, StringComparer.Ordinal))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {group.Key.Workers} | {group.Key.Channel} | {Median(group.Select(r => r.Rate)):F1} | {Median(group.Select(r => r.HostCpu)):F2} | {Median(group.Select(r => r.DbCpu)):F2} | {Median(group.Select(r => r.SinkCpu)):F2} |"));
            }

            return 0;
        }
        finally
        {
            await cluster.DisposeAsync();
            data.Delete(recursive: true);
        }
    }

    private static async Task<(string Channel, int Workers, double Rate, double HostCpu, double DbCpu, double SinkCpu)> DrainAsync(
        string connection, string dataDirectory, SinkProcess sink, string channel, int workers, int count)
    {
        var settings = new Dictionary<string, string?>(Portal.DefaultSettings())
        {
            ["Jobs:WorkerCount"] = workers.ToString(CultureInfo.InvariantCulture),
            ["Email:SmtpHost"] = channel == "smtp" ? "127.0.0.1" : string.Empty,
            ["Email:SmtpPort"] = sink.Port.ToString(CultureInfo.InvariantCulture),
            ["Email:Security"] = "None",
            ["Email:PickupDirectory"] = $"mail-pickup-{Guid.NewGuid():N}",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        await using var host = new PortalFactory(dataDirectory, connection, settings);
        using var applicant = await Accounts.CreateAsync(host, LicensingPortal.Api.Infrastructure.Auth.Roles.Applicant);
        var application = await applicant.Client.SubmitAsync(await applicant.Client.RestaurantAsync());

        // Warm: the submission's own e-mail goes out first, so the burst finds every path compiled and connected.
        await UntilDeliveredAsync(host, [], application.Id);

        var ids = new List<Guid>(count);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
            var payload = JsonSerializer.Serialize(new DecisionPayload([]), Json.Options);
            for (var i = 0; i < count; i++)
            {
                var message = OutboxMessage.Raise(NoticeKind.DecisionMade, NotificationChannels.Email, application.Id, applicant.Id, payload, DateTimeOffset.UtcNow);
                db.OutboxMessages.Add(message);
                ids.Add(message.Id);
            }

            await db.SaveChangesAsync();
        }

        // Settle: what the previous host left (its threads stopping, its garbage) is not this one's cost.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        await Task.Delay(TimeSpan.FromSeconds(2));
        var hostBefore = Cpu.OfProcess(Environment.ProcessId);
        var dbBefore = Cpu.OfPostgres();
        var sinkBefore = Cpu.OfProcess(sink.Pid);
        using var delivered = new DeliveredCount(count);
        var clock = Stopwatch.StartNew();
        var dispatch = host.Services.GetRequiredService<OutboxDispatch>();
        ids.ForEach(dispatch.Dispatch);

        // The moment the last one is recorded as delivered, from the service's own delivery counter: looking at the
        // outbox a few times a second made the drain time (and the idle CPU counted into it) come in steps of that look.
        await delivered.Reached.WaitAsync(TimeSpan.FromMinutes(5));
        clock.Stop();
        var (hostCpu, postgresCpu, sinkCpu) = ((Cpu.OfProcess(Environment.ProcessId) - hostBefore) / count, (Cpu.OfPostgres() - dbBefore) / count, (Cpu.OfProcess(sink.Pid) - sinkBefore) / count);
        await UntilDeliveredAsync(host, ids, null);
        return (channel, workers, count / clock.Elapsed.TotalSeconds, hostCpu, postgresCpu, sinkCpu);
    }

    /// <summary>Counts the deliveries the service reports (its <c>lp.notifications.delivered</c> counter) until it has seen the number asked for.</summary>
    private sealed class DeliveredCount : IDisposable
    {
        private readonly System.Diagnostics.Metrics.MeterListener listener = new();
        private readonly TaskCompletionSource done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private long seen;

        public DeliveredCount(int target)
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == LicensingPortal.Api.Infrastructure.Telemetry.PortalTelemetry.Name && instrument.Name == "lp.notifications.delivered")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>((_, value, _, _) =>
            {
                if (Interlocked.Add(ref seen, value) >= target)
                {
                    done.TrySetResult();
                }
            });
            listener.Start();
        }

        public Task Reached => done.Task;

        public void Dispose() => listener.Dispose();
    }

    /// <summary>Waits until the messages (or every e-mail about the subject) are delivered as the outbox records it, looking four times a second.</summary>
    private static async Task UntilDeliveredAsync(PortalFactory host, List<Guid> ids, Guid? subjectId)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            await using (var scope = host.Services.CreateAsyncScope())
            {
                var outbox = scope.ServiceProvider.GetRequiredService<LicensingDbContext>().OutboxMessages.AsNoTracking();
                var waiting = subjectId is { } subject
                    ? await outbox.CountAsync(m => m.SubjectId == subject && m.Channel == NotificationChannels.Email && m.ProcessedAt == null)
                    : await outbox.CountAsync(m => ids.Contains(m.Id) && m.ProcessedAt == null);
                var total = subjectId is { } s ? await outbox.CountAsync(m => m.SubjectId == s && m.Channel == NotificationChannels.Email) : ids.Count;
                if (total > 0 && waiting == 0)
                {
                    return;
                }
            }

            if (deadline.Elapsed > TimeSpan.FromMinutes(5))
            {
                throw new TimeoutException("The e-mails were not delivered within five minutes.");
            }

            await Task.Delay(250);
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>The SMTP sink as a process of its own: this program started with "sink", which prints its port.</summary>
    private sealed class SinkProcess : IAsyncDisposable
    {
        private readonly Process process;

        private SinkProcess(Process process, int port)
        {
            this.process = process;
            Port = port;
        }

        public int Port { get; }

        public int Pid => process.Id;

        public static async Task<SinkProcess> StartAsync()
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
            start.ArgumentList.Add(typeof(Channels).Assembly.Location);
            start.ArgumentList.Add("sink");
            var process = Process.Start(start)!;
            var line = await process.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("The SMTP sink did not start.");
            return new SinkProcess(process, int.Parse(line.Split(' ')[1], CultureInfo.InvariantCulture));
        }

        public async ValueTask DisposeAsync()
        {
            process.StandardInput.Close();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            process.Dispose();
        }
    }
}
