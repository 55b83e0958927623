using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using LicensingPortal.Api.Features.Notifications;
using LicensingPortal.Api.Infrastructure.Jobs;

namespace LicensingPortal.Api.Infrastructure.Hosting;

public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>Run a Hangfire server inside the API process (the default); false for an API-only instance beside workers.</summary>
    public bool RunServer { get; set; } = true;

    public int WorkerCount { get; set; } = 2;

    /// <summary>How often the outbox sweep runs (cron).</summary>
    public string SweepCron { get; set; } = "*/1 * * * *";

    /// <summary>How often an idle server asks PostgreSQL for new jobs. Low idle load matters more than a second of latency.</summary>
    public int PollIntervalSeconds { get; set; } = 5;
}

public static class JobsSetup
{
    /// <summary>
    /// Hangfire on PostgreSQL (its own schema) in PostgreSQL mode, in memory in the embedded default, where the
    /// durable outbox and the sweep make up for jobs lost on restart. The storage is registered in DI, not in
    /// Hangfire's static JobStorage.Current, so several hosts in one process (tests) keep their own.
    /// </summary>
    public static IServiceCollection AddLicensingJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        var postgres = StorageOptions.PostgresConnectionString(configuration);
        services.AddSingleton<JobStorage>(_ => postgres is null
            ? new InMemoryStorage(new InMemoryStorageOptions())
            : new PostgreSqlStorage(
                new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(postgres, new PostgreSqlStorageOptions()),
                new PostgreSqlStorageOptions
                {
                    SchemaName = "hangfire",
                    PrepareSchemaIfNecessary = true,
                    QueuePollInterval = TimeSpan.FromSeconds(options.PollIntervalSeconds),
                    DistributedLockTimeout = TimeSpan.FromMinutes(1),
                }));
        // Hangfire would otherwise take the activator from its static JobActivator.Current, which the last host
        // built in the process overwrites; each host activates jobs from its own container.
        services.AddSingleton<JobActivator>(provider => new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((provider, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HostLogProvider(provider.GetRequiredService<ILoggerFactory>())));
        if (options.RunServer)
        {
            services.AddHangfireServer((provider, server) =>
            {
                server.WorkerCount = options.WorkerCount;
                server.SchedulePollingInterval = TimeSpan.FromSeconds(options.PollIntervalSeconds);
                server.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
            });
        }

        services.AddScoped<IJobScheduler, HangfireJobScheduler>();
        services.AddScoped<DeliverOutboxMessage>();
        services.AddScoped<SweepOutbox>();
        services.AddScoped<DecisionEmail>();
        return services;
    }

    public static void ScheduleRecurringJobs(this IServiceProvider services, IConfiguration configuration)
    {
        var options = configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        var recurring = services.GetRequiredService<IRecurringJobManager>();
        recurring.AddOrUpdate<SweepOutbox>(SweepOutbox.RecurringJobId, job => job.RunAsync(CancellationToken.None), options.SweepCron);
    }
}
