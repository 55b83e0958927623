using LicensingPortal.Api.Hosting;
using LicensingPortal.Api.Tests.Infrastructure;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LicensingPortal.Api.Tests.Hosting;

/// <summary>
/// Nodes started together on an empty PostgreSQL database take turns under the start lock (docs/operations.md): for the
/// service's migrations and for Hangfire's tables, which a node's job storage would otherwise install as soon as it is
/// built, beside the migrations and in every node at once.
/// </summary>
public sealed class StartTogetherTests
{
    [Fact]
    public async Task ANodeWaitingForTheStartLock_BuildsItsJobStorage_ButInstallsHangfiresTablesOnlyOnceItHoldsTheLock()
    {
        var postgres = await PostgresCluster.Instance.CreateDatabaseAsync("lp_start");
        var folder = Directory.CreateTempSubdirectory("lp-start-").FullName;
        await using var holder = new NpgsqlConnection(postgres);
        await holder.OpenAsync();
        await ExecuteAsync(holder, $"SELECT pg_advisory_lock({DatabaseSetup.StartLockKey})");
        var built = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var node = new PortalFactory(folder, postgres, Portal.DefaultSettings(), services: services => Signal(services, built));
        try
        {
            var starting = Task.Run(() => node.Services);

            // Another node holds the lock: this one has built its pipeline and its job storage, beside its migrations,
            // and waits for its turn to migrate.
            await built.Task.WaitAsync(TimeSpan.FromMinutes(1));
            await Eventually.TrueAsync(
                async () => await Scalar<long>(holder, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())") > 0,
                "the node waits for the start lock",
                TimeSpan.FromMinutes(1));
            Assert.Null(await Scalar<string>(holder, $"SELECT to_regnamespace('{JobsSetup.JobSchema}')::text"));
            Assert.False(starting.IsCompleted);

            await ExecuteAsync(holder, $"SELECT pg_advisory_unlock({DatabaseSetup.StartLockKey})");
            await starting.WaitAsync(TimeSpan.FromMinutes(1));
            using var client = node.CreateClient();
            Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
            Assert.Equal(JobsSetup.LatestJobSchemaVersion.Value, await Scalar<int>(holder, $"SELECT max(version) FROM {JobsSetup.JobSchema}.schema"));
        }
        finally
        {
            await node.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task ThreeNodesStartedTogether_OnAnEmptyDatabase_AreAllReady_WithOneSetOfTables_AndRunJobs()
    {
        var postgres = await PostgresCluster.Instance.CreateDatabaseAsync("lp_start");
        var folders = Enumerable.Range(0, 3).Select(_ => Directory.CreateTempSubdirectory("lp-start-").FullName).ToList();
        var nodes = folders.Select(folder => new PortalFactory(folder, postgres, new Dictionary<string, string?>(Portal.DefaultSettings()) { ["Jobs:PollIntervalSeconds"] = "1" })).ToList();
        try
        {
            await Task.WhenAll(nodes.Select(node => Task.Run(() => node.Services))).WaitAsync(TimeSpan.FromMinutes(2));

            foreach (var node in nodes)
            {
                using var client = node.CreateClient();
                Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
            }

            await using var connection = new NpgsqlConnection(postgres);
            await connection.OpenAsync();
            Assert.Equal(1L, await Scalar<long>(connection, $"SELECT count(*) FROM {JobsSetup.JobSchema}.schema"));
            Assert.Equal(JobsSetup.LatestJobSchemaVersion.Value, await Scalar<int>(connection, $"SELECT version FROM {JobsSetup.JobSchema}.schema"));
            Assert.Equal(
                await Scalar<long>(connection, "SELECT count(DISTINCT migration_id) FROM __ef_migrations_history"),
                await Scalar<long>(connection, "SELECT count(*) FROM __ef_migrations_history"));

            // Every node's job server runs on those tables: each one's heartbeat is in them.
            await Eventually.TrueAsync(
                async () => await Scalar<long>(connection, $"SELECT count(*) FROM {JobsSetup.JobSchema}.server") >= nodes.Count,
                "every node's job server has written its heartbeat");
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }

            NpgsqlConnection.ClearAllPools();
            foreach (var folder in folders)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>The node's job storage, built as the service builds it; <paramref name="built"/> is set once it is.</summary>
    private static void Signal(IServiceCollection services, TaskCompletionSource built)
    {
        var registered = services.Single(d => d.ServiceType == typeof(JobStorage));
        services.Remove(registered);
        services.AddSingleton(provider =>
        {
            var storage = (JobStorage)registered.ImplementationFactory!(provider);
            built.TrySetResult();
            return storage;
        });
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> Scalar<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default! : (T)Convert.ChangeType(value, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }
}
