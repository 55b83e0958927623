using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using LicensingPortal.Api.Data;
using LicensingPortal.Api.Domain;
using LicensingPortal.Api.Shared;
using LicensingPortal.Api.Infrastructure.Jobs;
using LicensingPortal.Api.Tests.Infrastructure;
using LicensingPortal.Bench;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

// Measures, on a throwaway PostgreSQL cluster: (1) how fast queued decision e-mails drain into a local SMTP server
// (SmtpServer, which serves many connections at once, as a mail relay does), first opening one connection per message
// (the baseline), then keeping one per delivery worker; (2) how many transactions per second an idle instance
// (API + job server) costs the database.
if (args is ["sink"])
{
    // The SMTP sink for the channels run, in a process of its own: its port on the first line, then it runs until
    // standard input closes.
    using var sinkServer = new TestSmtpServer();
    Console.WriteLine($"port {sinkServer.Port}");
    await Console.In.ReadToEndAsync();
    return 0;
}

// WebApplicationFactory finds the API's content root from test-assembly metadata; outside a test run, say where it is.
Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_LICENSINGPORTAL_API", Path.GetFullPath(Path.Combine(BenchDatabase.FindRoot(), "src", "LicensingPortal.Api")));

if (args is ["channels", ..])
{
    // dotnet run -c Release --project bench/LicensingPortal.NotificationBench -- channels [e-mails per run, 1000] [rounds, 3]
    return await Channels.RunAsync(
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3);
}

var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2000;
var idleSeconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 60;


var cluster = new PostgresCluster();
await cluster.InitializeAsync();
using var smtp = new TestSmtpServer();
var data = Directory.CreateTempSubdirectory("lp-bench-");
try
{
    var connection = await cluster.CreateDatabaseAsync("bench");
    foreach (var keep in new[] { false, true })
    {
        var settings = new Dictionary<string, string?>(Portal.DefaultSettings())
        {
            ["Email:SmtpHost"] = "127.0.0.1",
            ["Email:SmtpPort"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Email:Security"] = "None",
            ["Email:KeepConnections"] = keep ? "true" : "false",
        };
        await using var host = new PortalFactory(data.FullName, connection, settings);
        using var applicant = await Accounts.CreateAsync(host, LicensingPortal.Api.Infrastructure.Auth.Roles.Applicant);
        var received = smtp.ReceivedEmail.Count;
        var application = await applicant.Client.SubmitAsync(await applicant.Client.RestaurantAsync());
        while (smtp.ReceivedEmail.Count < received + 1)
        {
            await Task.Delay(50);
        }

        if (keep)
        {
            // Idle: nothing to do but the job server's own polling and the recurring sweep.
            var before = await CommitsAsync(connection);
            await Task.Delay(TimeSpan.FromSeconds(idleSeconds));
            var after = await CommitsAsync(connection);
            Console.WriteLine($"idle: {(after - before - 2) / (double)idleSeconds:F2} database transactions/s over {idleSeconds} s (pg_stat_database.xact_commit, API + job server, nothing queued)");
        }

        var ids = new List<Guid>();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
            var payload = JsonSerializer.Serialize(new DecisionPayload([]), Json.Options);
            for (var i = 0; i < count; i++)
            {
                var message = OutboxMessage.Raise(LicensingPortal.Api.Domain.NoticeKind.DecisionMade, NotificationChannels.Email, application.Id, applicant.Id, payload, DateTimeOffset.UtcNow);
                db.OutboxMessages.Add(message);
                ids.Add(message.Id);
            }

            await db.SaveChangesAsync();
        }

        received = smtp.ReceivedEmail.Count;
        var stopwatch = Stopwatch.StartNew();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var jobs = scope.ServiceProvider.GetRequiredService<IJobScheduler>();
            ids.ForEach(jobs.EnqueueOutboxDelivery);
        }

        while (smtp.ReceivedEmail.Count < received + count)
        {
            await Task.Delay(20);
        }

        stopwatch.Stop();
        var sender = host.Services.GetRequiredService<LicensingPortal.Api.Infrastructure.Email.IEmailSender>() as LicensingPortal.Api.Infrastructure.Email.SmtpEmailSender;
        var workers = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<LicensingPortal.Api.Infrastructure.Jobs.JobsOptions>>().Value.WorkerCount;
        Console.WriteLine($"drain ({(keep ? "connections kept per worker" : "one connection per message")}): {count} e-mails in {stopwatch.Elapsed.TotalSeconds:F1} s = {count / stopwatch.Elapsed.TotalSeconds:F0} notifications/s, {sender?.ConnectionsOpened} SMTP connections opened ({workers} Hangfire workers, PostgreSQL storage, SMTP server on loopback)");
    }
}
finally
{
    await cluster.DisposeAsync();
    data.Delete(recursive: true);
}

return 0;

static async Task<long> CommitsAsync(string connectionString)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using (var clear = new NpgsqlCommand("SELECT pg_stat_clear_snapshot()", connection))
    {
        await clear.ExecuteNonQueryAsync();
    }

    await using var command = new NpgsqlCommand("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()", connection);
    return (long)(await command.ExecuteScalarAsync())!;
}
