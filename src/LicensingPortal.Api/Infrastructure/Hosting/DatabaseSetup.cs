using LicensingPortal.Api.Data;
using LicensingPortal.Api.Domain;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Rules;
using LicensingPortal.Api.Infrastructure.Transparency;
using Microsoft.EntityFrameworkCore;

namespace LicensingPortal.Api.Infrastructure.Hosting;

public static class DatabaseSetup
{
    /// <summary>PostgreSQL when a connection string is configured, otherwise SQLite in the data folder.</summary>
    public static IServiceCollection AddLicensingDatabase(this IServiceCollection services, IConfiguration configuration, StorageOptions storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        if (StorageOptions.PostgresConnectionString(configuration) is { } postgres)
        {
            services.AddDbContext<LicensingDbContext, PostgresLicensingDbContext>(options => PostgresLicensingDbContext.Configure(options, postgres));
        }
        else
        {
            var dataDirectory = storage.ResolveDataDirectory();
            Directory.CreateDirectory(dataDirectory);
            var sqlite = $"Data Source={Path.Combine(dataDirectory, "licensingportal.db")};Pooling=True;Default Timeout=30";
            services.AddDbContext<LicensingDbContext, SqliteLicensingDbContext>(options => SqliteLicensingDbContext.Configure(options, sqlite));
        }

        return services;
    }

    /// <summary>Applies migrations and loads the seeds (the rule set versions with their tables). Safe to run on every start.</summary>
    public static async Task MigrateAndSeedAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var catalog = scope.ServiceProvider.GetRequiredService<RuleSetCatalog>();
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await db.Database.MigrateAsync(cancellationToken);

        var known = await db.RuleSetVersions.Select(v => v.Hash).ToListAsync(cancellationToken);
        var log = scope.ServiceProvider.GetRequiredService<TransparencyLog>();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            foreach (var ruleSet in catalog.Library.RuleSets.Where(r => !known.Contains(r.Hash)))
            {
                db.RuleSetVersions.Add(RuleSetVersion.FirstSeen(ruleSet.Hash, ruleSet.Id, ruleSet.EffectiveFrom, ruleSet.CanonicalContent, time.GetUtcNow()));
                log.Record("system", LogEntryTypes.RuleSetFirstUsed, Guid.Empty, ruleSet.Hash);
            }

            await log.FlushAsync(time.GetUtcNow(), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await scope.ServiceProvider.GetRequiredService<AccountSeeder>().SeedAsync(embedded: db.Database.IsSqlite());
    }
}
