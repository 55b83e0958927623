using LicensingPortal.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace LicensingPortal.Api.Tests.Infrastructure;

/// <summary>
/// The service's schema, migrated once per test run on each provider, for the shared hosts of the test classes to start
/// on: a host migrating an empty database spent 0.4-0.6 s of the two cores on it (2026-12-07), some two hundred times a
/// run. Only the migrations are in a template (with the rows they insert themselves), none of the start-up's seeding:
/// each host still seeds as it starts (rule sets, roles, accounts, by its own clock and settings), and finds no
/// migration pending. A first start on an empty database is still what the hosting, multi-node, process and start-up
/// tests do (<see cref="EmptyDatabasePortal"/>, and databases created empty).
/// </summary>
public static class SchemaTemplates
{
    private static readonly Lazy<Task<string>> Sqlite = new(CreateSqliteAsync);
    private static string? folder;

    /// <summary>
    /// The database a test host of <paramref name="provider"/> starts on, a copy of the migrated schema unless
    /// <paramref name="migrated"/> is false (then empty): PostgreSQL's connection string, or null for SQLite, whose file
    /// is put in <paramref name="dataDirectory"/>.
    /// </summary>
    public static async Task<string?> DatabaseForAsync(DatabaseProvider provider, string dataDirectory, string prefix, bool migrated = true)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            return migrated ? await PostgresCluster.Instance.CreateMigratedDatabaseAsync(prefix) : await PostgresCluster.Instance.CreateDatabaseAsync(prefix);
        }

        if (migrated)
        {
            await CopySqliteToAsync(dataDirectory);
        }

        return null;
    }

    /// <summary>Puts the migrated SQLite file where a host with <paramref name="dataDirectory"/> as its data folder opens it.</summary>
    private static async Task CopySqliteToAsync(string dataDirectory)
    {
        var template = await Sqlite.Value;
        File.Copy(template, Path.Combine(dataDirectory, "licensingportal.db"));
    }

    /// <summary>Applies every migration to the database <paramref name="connectionString"/> names (PostgreSQL).</summary>
    public static async Task MigratePostgresAsync(string connectionString)
    {
        var options = new DbContextOptionsBuilder<PostgresLicensingDbContext>();
        PostgresLicensingDbContext.Configure(options, connectionString);
        await using var db = new PostgresLicensingDbContext(options.Options);
        await db.Database.MigrateAsync();
    }

    private static async Task<string> CreateSqliteAsync()
    {
        folder = Path.Combine(Path.GetTempPath(), "lp-schema-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "licensingportal.db");
        var connection = $"Data Source={file};Pooling=False";
        var options = new DbContextOptionsBuilder<SqliteLicensingDbContext>();
        SqliteLicensingDbContext.Configure(options, connection);
        await using (var db = new SqliteLicensingDbContext(options.Options))
        {
            // As the service leaves it (DatabaseSetup): write-ahead logging is a property of the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        }

        return file;
    }

    /// <summary>Removes the SQLite template at the end of the run (<see cref="PostgresCluster"/> disposes the PostgreSQL one with its cluster).</summary>
    public static void Remove()
    {
        if (folder is not null && Environment.GetEnvironmentVariable("LICENSINGPORTAL_KEEP_TEST_DATA") is null)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A temporary folder: left for the system to clear.
            }
        }
    }
}
