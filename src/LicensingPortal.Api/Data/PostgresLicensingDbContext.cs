namespace LicensingPortal.Api.Data;

/// <summary>The production store: PostgreSQL with snake_case names. Migrations in Data/Migrations/Postgres.</summary>
public sealed class PostgresLicensingDbContext(DbContextOptions<PostgresLicensingDbContext> options) : LicensingDbContext(options)
{
    public static void Configure(DbContextOptionsBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention();
    }
}
