using LicensingPortal.Api.Features.RuleSets;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace LicensingPortal.Api.Hosting;

public static class DatabaseSetup
{
    /// <summary>The advisory lock a starting node holds while it migrates and seeds ("KUPANGST").</summary>
    public const long StartLockKey = 0x4B55_5041_4E47_5354;

    /// <summary>PostgreSQL when a connection string is configured, otherwise SQLite in the data folder.</summary>
    public static IServiceCollection AddLicensingDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        if (StorageOptions.PostgresConnectionString(configuration) is { } postgres)
        {
            services.AddDbContext<LicensingDbContext, PostgresLicensingDbContext>(options => PostgresLicensingDbContext.Configure(options, postgres));
            if (configuration.GetConnectionString("PostgresReadOnly") is { Length: > 0 } replica)
            {
                services.AddSingleton(new ReadModel.ReplicaOptions(replica));
            }
        }
        else
        {
            services.AddDbContext<LicensingDbContext, SqliteLicensingDbContext>((provider, options) =>
            {
                var dataDirectory = provider.GetRequiredService<IOptions<StorageOptions>>().Value.ResolveDataDirectory();
                Directory.CreateDirectory(dataDirectory);
                SqliteLicensingDbContext.Configure(options, $"Data Source={Path.Combine(dataDirectory, "licensingportal.db")};Pooling=True;Default Timeout=30");
            });
        }

        services.AddScoped<ReadModel>();
        return services;
    }

    /// <summary>
    /// Applies migrations (the service's and, on PostgreSQL, Hangfire's), records the rule set versions in use and creates the roles and seeded accounts. Safe to run
    /// on every start. A restart (nothing to migrate) only reads the migration history: EF's full migration run also
    /// compares the model with its snapshot, seconds of a restart under load, which a test does instead
    /// (HostingTests.TheModel_HasNoChangeWithoutAMigration_AndEveryMigrationIsApplied). The rule sets compile meanwhile on another thread.
    /// </summary>
    public static async Task<string> MigrateAndSeedAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var rules = Task.Run(services.GetRequiredService<LicensingPortal.Rules.RuleLibrary>, cancellationToken);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        else
        {
            // Nodes started together take turns: one migrates and seeds, the next finds it done (docs/operations.md).
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({StartLockKey})", cancellationToken);
        }

        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (!db.Database.IsSqlite())
        {
            JobsSetup.InstallJobSchema((Npgsql.NpgsqlConnection)db.Database.GetDbConnection());
        }

        var migrated = watch.ElapsedMilliseconds;
        await rules;
        await scope.ServiceProvider.GetRequiredService<ISender>().Send(new RecordRuleSetVersions.Command(), cancellationToken);
        var recorded = watch.ElapsedMilliseconds;
        await scope.ServiceProvider.GetRequiredService<AccountSeeder>().SeedAsync(embedded: db.Database.IsSqlite());
        if (!db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({StartLockKey})", cancellationToken);
            await db.Database.CloseConnectionAsync();
        }

        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"migrations {migrated} ms, rule-set versions {recorded - migrated} ms, accounts {watch.ElapsedMilliseconds - recorded} ms");
    }
}
