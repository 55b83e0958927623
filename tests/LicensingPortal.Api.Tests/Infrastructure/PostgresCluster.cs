using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

[assembly: AssemblyFixture(typeof(LicensingPortal.Api.Tests.Infrastructure.PostgresCluster))]

namespace LicensingPortal.Api.Tests.Infrastructure;

/// <summary>
/// A real PostgreSQL server for the test run. Uses the server named by LICENSINGPORTAL_TEST_POSTGRES when set;
/// otherwise starts a throwaway cluster with initdb and pg_ctl (as the postgres user when running as root, since
/// both refuse root) and removes it afterwards. Each test class gets a database of its own.
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    public const string ConnectionVariable = "LICENSINGPORTAL_TEST_POSTGRES";

    private static PostgresCluster? instance;
    private string? directory;
    private string? binaries;
    private string adminConnection = string.Empty;

    public static PostgresCluster Instance => instance ?? throw new InvalidOperationException("The PostgreSQL cluster is not started.");

    /// <summary>Server settings (`-c name=value ...`) on top of the port and socket; the tests' default trades durability for speed.</summary>
    public string ServerSettings { get; init; } = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400";

    /// <summary>The server's log file (a throwaway cluster only).</summary>
    public string? LogFile => directory is null ? null : Path.Combine(directory, "server.log");

    public async ValueTask InitializeAsync()
    {
        instance = this;
        var external = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            adminConnection = external;
            return;
        }

        binaries = FindBinaries();
        directory = Path.Combine(Path.GetTempPath(), "lp-pg-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(directory);
        if (IsRoot)
        {
            await RunAsync("chown", ["-R", "postgres:postgres", directory], asPostgres: false);
        }

        var data = Path.Combine(directory, "data");
        await RunAsync(Path.Combine(binaries, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
        var port = FreePort();
        var options = $"-p {port} -k {directory} -c listen_addresses=127.0.0.1 {ServerSettings}";
        await RunAsync(Path.Combine(binaries, "pg_ctl"), ["-D", data, "-o", options, "-l", Path.Combine(directory, "server.log"), "-w", "-t", "60", "start"]);
        adminConnection = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
    }

    public async ValueTask DisposeAsync()
    {
        SchemaTemplates.Remove();
        NpgsqlConnection.ClearAllPools();
        if (directory is null || binaries is null)
        {
            return;
        }

        try
        {
            await RunAsync(Path.Combine(binaries, "pg_ctl"), ["-D", Path.Combine(directory, "data"), "-m", "immediate", "-w", "stop"]);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private readonly SemaphoreSlim schemaGate = new(1, 1);
    private string? schemaTemplate;

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public Task<string> CreateDatabaseAsync(string prefix) => CreateAsync(prefix, template: null);

    /// <summary>
    /// Creates a database with the service's schema, every migration applied and no row of the start-up's seeding (a copy of a template
    /// migrated once per run, <see cref="SchemaTemplates"/>), and returns its connection string.
    /// </summary>
    public async Task<string> CreateMigratedDatabaseAsync(string prefix)
    {
        await schemaGate.WaitAsync();
        try
        {
            if (schemaTemplate is null)
            {
                var template = await CreateAsync("lp_schema", template: null);
                // Unpooled: no connection to the template stays open after its migration.
                await SchemaTemplates.MigratePostgresAsync(new NpgsqlConnectionStringBuilder(template) { Pooling = false }.ConnectionString);
                var name = new NpgsqlConnectionStringBuilder(template).Database!;
                await using var connection = new NpgsqlConnection(adminConnection);
                await connection.OpenAsync();
                // A template nobody connects to (CREATE DATABASE refuses a template with other sessions in it).
                await using var command = new NpgsqlCommand($"ALTER DATABASE \"{name}\" WITH IS_TEMPLATE true ALLOW_CONNECTIONS false", connection);
                await command.ExecuteNonQueryAsync();
                schemaTemplate = name;
            }
        }
        finally
        {
            schemaGate.Release();
        }

        return await CreateAsync(prefix, schemaTemplate);
    }

    private async Task<string> CreateAsync(string prefix, string? template)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)].ToLowerInvariant();
        await using (var connection = new NpgsqlConnection(adminConnection))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"{(template is null ? string.Empty : $" TEMPLATE \"{template}\"")}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(adminConnection) { Database = name, MaxPoolSize = 30 }.ConnectionString;
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static string FindBinaries()
    {
        var root = "/usr/lib/postgresql";
        var found = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return found ?? throw new InvalidOperationException(
            $"No PostgreSQL server binaries under {root}. Install the Debian package 'postgresql' or set {ConnectionVariable}.");
    }

    private static async Task RunAsync(string file, IReadOnlyList<string> arguments, bool asPostgres = true)
    {
        var start = new ProcessStartInfo();
        if (IsRoot && asPostgres)
        {
            start.FileName = "runuser";
            foreach (var argument in new[] { "-u", "postgres", "--", file }.Concat(arguments))
            {
                start.ArgumentList.Add(argument);
            }
        }
        else
        {
            start.FileName = file;
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }
        }

        start.WorkingDirectory = Path.GetTempPath();
        var (exitCode, output, error) = await ExternalProcess.RunAsync(start, TimeSpan.FromMinutes(5));
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited {exitCode}: {output}{error}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
