using Hangfire;
using Hangfire.Dashboard;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using LicensingPortal.Api.Features.Notifications;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Jobs;
using LicensingPortal.Api.Infrastructure.Webhooks;

namespace LicensingPortal.Api.Infrastructure.Hosting;

public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>Run a Hangfire server inside the API process (the default); false for an API-only instance beside workers.</summary>
    public bool RunServer { get; set; } = true;

    /// <summary>Delivery is I/O-bound (SMTP, webhooks), so more workers than cores pay off.</summary>
    public int WorkerCount { get; set; } = 8;

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
        services.AddScoped<RemindPermitExpiry>();
        services.AddScoped<Features.Audit.WhatIfJob>();
        services.AddScoped<DecisionEmail>();
        services.AddScoped<PermitNotice>();
        services.AddScoped<WebhookPayloads>();
        services.AddScoped<Notifier>();
        services.Configure<NotificationOptions>(configuration.GetSection(NotificationOptions.Section));
        services.Configure<WebhookOptions>(configuration.GetSection(WebhookOptions.Section));
        var webhooks = configuration.GetSection(WebhookOptions.Section).Get<WebhookOptions>() ?? new WebhookOptions();
        services.AddHttpClient<WebhookSender>(client => client.Timeout = TimeSpan.FromSeconds(webhooks.TimeoutSeconds))
            .ConfigurePrimaryHttpMessageHandler(() => WebhookSender.Handler(webhooks));
        return services;
    }

    public static void ScheduleRecurringJobs(this IServiceProvider services, IConfiguration configuration)
    {
        var options = configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        var recurring = services.GetRequiredService<IRecurringJobManager>();
        recurring.AddOrUpdate<SweepOutbox>(SweepOutbox.RecurringJobId, job => job.RunAsync(CancellationToken.None), options.SweepCron);
        recurring.AddOrUpdate<RemindPermitExpiry>(RemindPermitExpiry.RecurringJobId, job => job.RunAsync(CancellationToken.None), RemindPermitExpiry.Cron);
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
            return user.Identity?.IsAuthenticated == true && (user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Officer));
        }
    }
}
