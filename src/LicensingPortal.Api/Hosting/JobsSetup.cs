using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Dashboard;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using LicensingPortal.Api.Features.Audit;
using LicensingPortal.Api.Features.Notifications;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Jobs;
using LicensingPortal.Api.Infrastructure.Storage;
using LicensingPortal.Api.Infrastructure.UseCases;
using LicensingPortal.Api.Infrastructure.Webhooks;
using Microsoft.Extensions.Options;

namespace LicensingPortal.Api.Hosting;

public static class JobsSetup
{
    /// <summary>
    /// Hangfire on PostgreSQL (its own schema) in PostgreSQL mode, in memory in the embedded default, where the
    /// durable outbox and the sweep make up for jobs lost on restart. The storage is registered in DI, not in
    /// Hangfire's static JobStorage.Current, so several hosts in one process (tests) keep their own.
    /// </summary>
    public static IServiceCollection AddLicensingJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var postgres = StorageOptions.PostgresConnectionString(configuration);
        services.AddSingleton<JobStorage>(provider => postgres is null
            ? new InMemoryStorage(new InMemoryStorageOptions())
            : PostgresStorage(postgres, provider.GetRequiredService<IOptions<JobsOptions>>().Value));
        // Hangfire would otherwise take the activator from its static JobActivator.Current, which the last host
        // built in the process overwrites; each host activates jobs from its own container.
        services.AddSingleton<JobActivator>(provider => new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((provider, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HostLogProvider(provider.GetRequiredService<ILoggerFactory>())));
        services.AddHostedService<JobServer>();
        services.AddSingleton<OutboxDispatch>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboxDispatch>());

        services.AddScoped<IJobScheduler, HangfireJobScheduler>();
        services.AddScoped<AfterCommit>();
        services.AddScoped<UnitOfWork>();
        services.AddScoped<DeliverNotification.Job>();
        services.AddScoped<SweepOutbox.Job>();
        services.AddScoped<RemindPermitExpiry.Job>();
        services.AddScoped<RunWhatIf.Job>();
        services.AddScoped<Features.Documents.SweepDocumentFiles.Job>();
        services.AddScoped<Features.Accounts.SweepAccountSessions.Job>();
        services.AddScoped<Features.Accounts.SweepUnconfirmedRecoveries.Job>();
        services.AddScoped<DecisionEmail>();
        services.AddScoped<PermitNotice>();
        services.AddScoped<ObjectionNotice>();
        services.AddScoped<ObjectionsDueNotice>();
        services.AddScoped<QuestionNotice>();
        services.AddScoped<BusinessNotice>();
        services.AddScoped<InspectionNotice>();
        services.AddScoped<Features.Objections.RemindObjectionsDue.Job>();
        services.AddScoped<AccountEmailMessage>();
        services.AddScoped<WebhookPayloads>();
        services.AddScoped<Notifier>();
        services.AddScoped<VisitsCalledOff>();
        services.AddHttpClient<WebhookSender>((provider, client) => client.Timeout = TimeSpan.FromSeconds(provider.GetRequiredService<IOptions<WebhookOptions>>().Value.TimeoutSeconds))
            .ConfigurePrimaryHttpMessageHandler(provider => WebhookSender.Handler(provider.GetRequiredService<IOptions<WebhookOptions>>().Value));
        return services;
    }

    private static readonly string[] QueueNames = ["default"];

    /// <summary>The PostgreSQL schema of Hangfire's tables.</summary>
    public const string JobSchema = "hangfire";

    /// <summary>
    /// Installs or upgrades Hangfire's tables in PostgreSQL, on the connection that holds the start lock
    /// (<see cref="DatabaseSetup.StartLockKey"/>): nodes started together take turns, as they do for the service's own
    /// migrations. Hangfire would otherwise prepare them when its storage is first built, which happens beside the
    /// migrations (the pipeline is built on another core) and in every node at once; its installer runs each version's
    /// script in a transaction of its own and logs the ones a concurrent node's made fail. A schema already at the
    /// library's last version is left alone (a restart reads one row).
    /// </summary>
    public static void InstallJobSchema(Npgsql.NpgsqlConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using (var exists = new Npgsql.NpgsqlCommand($"SELECT to_regclass('{JobSchema}.schema') IS NOT NULL", connection))
        using (var version = new Npgsql.NpgsqlCommand($"SELECT coalesce(max(version), 0) FROM {JobSchema}.schema", connection))
        {
            // Two statements: a relation named in a query must exist when it is planned, even in a branch not taken.
            if (exists.ExecuteScalar() is true && Convert.ToInt32(version.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) >= LatestJobSchemaVersion.Value)
            {
                return;
            }
        }

        PostgreSqlObjectsInstaller.Install(connection, JobSchema);
    }

    /// <summary>The last version of Hangfire's tables the library installs (its scripts are named Install.v{N}.sql).</summary>
    public static readonly Lazy<int> LatestJobSchemaVersion = new(() => typeof(PostgreSqlStorage).Assembly.GetManifestResourceNames()
        .Select(name => System.Text.RegularExpressions.Regex.Match(name, @"\.Install\.v(\d+)\.sql$"))
        .Where(match => match.Success)
        .Max(match => int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));

    private static PostgreSqlStorage PostgresStorage(string connectionString, JobsOptions jobs)
    {
        var connections = new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(connectionString, new PostgreSqlStorageOptions());
        FillArrayTypeCache(connections);
        return new PostgreSqlStorage(connections, new PostgreSqlStorageOptions
        {
            SchemaName = JobSchema,
            // Installed under the start lock by the node's migration (InstallJobSchema), not by whichever node builds its storage first.
            PrepareSchemaIfNecessary = false,
            QueuePollInterval = TimeSpan.FromSeconds(jobs.PollIntervalSeconds),
            DistributedLockTimeout = TimeSpan.FromMinutes(1),
        });
    }

    /// <summary>
    /// Every job worker's first fetch sends its queue names as a text[] parameter, and Npgsql builds its array type
    /// mappings on a first use; the workers all start at once and each built them again (1.1 s of CPU in a restart's
    /// first seconds, on two cores, docs/benchmarks.md). One array parameter sent first fills the cache they share.
    /// </summary>
    private static void FillArrayTypeCache(Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory connections)
    {
        using var connection = connections.GetOrCreateConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            connection.Open();
        }

        using var command = new Npgsql.NpgsqlCommand("SELECT cardinality($1)", connection);
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = QueueNames });
        command.ExecuteScalar();
    }

    public static void ScheduleRecurringJobs(this IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<JobsOptions>>().Value;
        var recurring = services.GetRequiredService<IRecurringJobManager>();
        recurring.AddOrUpdate<SweepOutbox.Job>(SweepOutbox.RecurringJobId, job => job.RunAsync(CancellationToken.None), options.SweepCron);
        recurring.AddOrUpdate<RemindPermitExpiry.Job>(RemindPermitExpiry.RecurringJobId, job => job.RunAsync(CancellationToken.None), RemindPermitExpiry.Cron);
        recurring.AddOrUpdate<Features.Objections.RemindObjectionsDue.Job>(Features.Objections.RemindObjectionsDue.RecurringJobId, job => job.RunAsync(CancellationToken.None), Features.Objections.RemindObjectionsDue.Cron);
        recurring.AddOrUpdate<Features.Documents.SweepDocumentFiles.Job>(Features.Documents.SweepDocumentFiles.RecurringJobId, job => job.RunAsync(CancellationToken.None), Features.Documents.SweepDocumentFiles.Cron);
        recurring.AddOrUpdate<Features.Accounts.SweepAccountSessions.Job>(Features.Accounts.SweepAccountSessions.RecurringJobId, job => job.RunAsync(CancellationToken.None), Features.Accounts.SweepAccountSessions.Cron);
        recurring.AddOrUpdate<Features.Accounts.SweepUnconfirmedRecoveries.Job>(Features.Accounts.SweepUnconfirmedRecoveries.RecurringJobId, job => job.RunAsync(CancellationToken.None), Features.Accounts.SweepUnconfirmedRecoveries.Cron);
    }

    /// <summary>
    /// The Hangfire dashboard at /hangfire, through the app's own sign-in: Admins may act, Officers only look,
    /// everyone else is turned away, in every environment.
    /// </summary>
    public static void UseLicensingDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new StaffOnly()],
            IsReadOnlyFunc = context => !context.GetHttpContext().User.IsInRole(Roles.Admin),
            DisplayStorageConnectionString = false,
            AppPath = null,
        }, app.Services.GetRequiredService<JobStorage>());
    }

    private sealed class StaffOnly : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context)
        {
            var user = context.GetHttpContext().User;
            return user.Identity?.IsAuthenticated == true && (user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Officer)) && user.HasClaim(c => c.Type == Sessions.TwoFactorClaim);
        }
    }

    /// <summary>
    /// The Hangfire job server of this process, when Jobs:RunServer says so (not for an API-only instance). It starts
    /// beside the app, not before it: requests are served (and readiness answered) while its workers come up, since
    /// nothing a request does waits for a job; a restart under load is ready sooner (docs/benchmarks.md).
    /// </summary>
    private sealed class JobServer(IServiceProvider provider, IOptions<JobsOptions> options) : IHostedService, IDisposable
    {
        private BackgroundJobServerHostedService? server;
        private Task starting = Task.CompletedTask;

        public Task StartAsync(CancellationToken cancellationToken)
        {
            var settings = options.Value;
            if (!settings.RunServer)
            {
                return Task.CompletedTask;
            }

            var serverOptions = new BackgroundJobServerOptions
            {
                WorkerCount = settings.WorkerCount,
                SchedulePollingInterval = TimeSpan.FromSeconds(settings.PollIntervalSeconds),
                // A delivery told to stop finishes the message it is sending (up to 12 s, DeliverNotification) and records it.
                ShutdownTimeout = TimeSpan.FromSeconds(20),
                ServerName = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}",
                Activator = provider.GetRequiredService<JobActivator>(),
            };
            server = new BackgroundJobServerHostedService(provider.GetRequiredService<JobStorage>(), serverOptions, [], provider.GetRequiredService<IHostApplicationLifetime>());
            starting = Task.Run(() => server.StartAsync(CancellationToken.None), CancellationToken.None);
            return Task.CompletedTask;
        }

        public async Task StopAsync(CancellationToken cancellationToken)
        {
            await starting;
            if (server is not null)
            {
                await server.StopAsync(cancellationToken);
            }
        }

        public void Dispose() => server?.Dispose();
    }
}
