using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace LicensingPortal.Api.Data;

/// <summary>The embedded default: a SQLite file in the data folder. Migrations in Data/Migrations/Sqlite.</summary>
public sealed class SqliteLicensingDbContext(DbContextOptions<SqliteLicensingDbContext> options) : LicensingDbContext(options)
{
    public static void Configure(DbContextOptionsBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention();
    }

    /// <summary>SQLite cannot order or compare DateTimeOffset text; store UTC ticks so range queries work.</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
