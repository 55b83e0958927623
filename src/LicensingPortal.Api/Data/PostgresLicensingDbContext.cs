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

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // A stored answer (Brotli-compressed, a few KB) stays in its row: below a page, PostgreSQL neither compresses
        // it again nor moves it to the TOAST table, which made the key's INSERT a keyed submission's slowest statement.
        builder.Entity<Domain.IdempotencyRecord>().HasStorageParameter("toast_tuple_target", 8160);

        // A decision's trace (about 9 KB of JSON) was compressed with pglz to about 2 KB and still moved to the TOAST
        // table (two chunks and their index entries): the decision's INSERT was a submission's slowest statement.
        // lz4 compresses it in a fraction of pglz's time, and a row compressed below 4 KB stays whole in the table.
        // Rows below 4 KB are not compressed at all (the target is also the length at which compression begins).
        builder.Entity<Domain.Decision>().HasStorageParameter("toast_tuple_target", 4096);
        builder.Entity<Domain.Decision>().Property(d => d.TraceJson).UseCompressionMethod("lz4");
    }
}
