using System.Net;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Tests.Infrastructure;
using Npgsql;

namespace LicensingPortal.Api.Tests.Features.Reports;

/// <summary>
/// The app with ConnectionStrings:PostgresReadOnly pointing at a read-only role on the same server: a stand-in for
/// a streaming replica (same data, no writes).
/// </summary>
public sealed class ReplicaPortal() : Portal(DatabaseProvider.Postgres)
{
    public string ReadOnlyRole { get; } = $"lp_ro_{Guid.NewGuid():N}"[..22];

    public string ReadOnlyConnection { get; private set; } = string.Empty;

    protected override IReadOnlyDictionary<string, string?> Settings()
    {
        if (ReadOnlyConnection.Length == 0)
        {
            // Every table, those the database was created with (the migrated schema) and any a later migration adds, can
            // be read, and only read.
            var database = new NpgsqlConnectionStringBuilder(PostgresConnection).Database;
            using var connection = new NpgsqlConnection(PostgresConnection);
            connection.Open();
            using var command = new NpgsqlCommand(
                $"""
                CREATE ROLE {ReadOnlyRole} LOGIN PASSWORD 'nur-lesen';
                ALTER ROLE {ReadOnlyRole} SET default_transaction_read_only = on;
                GRANT CONNECT ON DATABASE "{database}" TO {ReadOnlyRole};
                GRANT USAGE ON SCHEMA public TO {ReadOnlyRole};
                GRANT SELECT ON ALL TABLES IN SCHEMA public TO {ReadOnlyRole};
                ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO {ReadOnlyRole};
                """,
                connection);
            command.ExecuteNonQuery();
            ReadOnlyConnection = new NpgsqlConnectionStringBuilder(PostgresConnection) { Username = ReadOnlyRole, Password = "nur-lesen" }.ConnectionString;
        }

        return new Dictionary<string, string?>(DefaultSettings()) { ["ConnectionStrings:PostgresReadOnly"] = ReadOnlyConnection };
    }
}

public sealed class ReplicaTests(ReplicaPortal portal) : IClassFixture<ReplicaPortal>
{
    [Fact]
    public async Task Reports_Statistics_AndDecisionSearch_ReadTheReplica_AndNothingWritesThroughIt()
    {
        using var applicant = await portal.ApplicantAsync();
        await applicant.Client.SubmitAsync(await applicant.Client.RestaurantAsync());
        await portal.CountersRolledUpAsync();
        using var mayor = await portal.StaffAsync(Roles.Mayor);
        using var officer = await portal.StaffAsync(Roles.Officer);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        foreach (var report in new[] { "throughput?", "breakdown?by=kecamatan&", "latency?", "failing-requirements?", "life-events?", "stops?", "notification-health?" })
        {
            var answer = await mayor.Client.GetAsync($"/api/reports/{report}from={today}&to={today}");
            Assert.True(answer.StatusCode == HttpStatusCode.OK, $"{report}: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
        }

        Assert.Equal(HttpStatusCode.OK, (await mayor.Client.GetAsync("/api/reports/expiring-permits?days=30")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await portal.Client.GetAsync($"/api/public/statistics?month={today[..7]}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await portal.Client.GetAsync("/statistik")).StatusCode);
        var search = await officer.Client.GetAsync($"/api/audit/decisions?from={today}&to={today}");
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        Assert.Contains("\"total\":", await search.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The reads went through the replica's connection (the pool keeps it open) ...
        await using var admin = new NpgsqlConnection(portal.PostgresConnection);
        await admin.OpenAsync();
        await using var sessions = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE usename = $1", admin) { Parameters = { new() { Value = portal.ReadOnlyRole } } };
        Assert.True((long)(await sessions.ExecuteScalarAsync())! > 0, "no connection of the read-only role");

        // ... and it can read, and only read.
        await using var replica = new NpgsqlConnection(portal.ReadOnlyConnection);
        await replica.OpenAsync();
        await using var read = new NpgsqlCommand("SELECT count(*) FROM applications", replica);
        Assert.True((long)(await read.ExecuteScalarAsync())! >= 1);
        await using var write = new NpgsqlCommand("DELETE FROM applications", replica);
        await Assert.ThrowsAsync<PostgresException>(() => write.ExecuteNonQueryAsync());
    }
}
