using LicensingPortal.Api.Features.RuleSets;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace LicensingPortal.Api.Hosting;

public static class DatabaseSetup
{
    /// <summary>PostgreSQL when a connection string is configured, otherwise SQLite in the data folder.</summary>
    public static IServiceCollection AddLicensingDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        if (StorageOptions.PostgresConnectionString(configuration) is { } postgres)
        {
            services.AddDbContext<LicensingDbContext, PostgresLicensingDbContext>(options => PostgresLicensingDbContext.Configure(options, postgres));
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

        return services;
    }

    /// <summary>Applies migrations, records the rule set versions in use and creates the roles and seeded accounts. Safe to run on every start.</summary>
    public static async Task MigrateAndSeedAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await db.Database.MigrateAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<ISender>().Send(new RecordRuleSetVersions.Command(), cancellationToken);
        await scope.ServiceProvider.GetRequiredService<AccountSeeder>().SeedAsync(embedded: db.Database.IsSqlite());
    }
}
