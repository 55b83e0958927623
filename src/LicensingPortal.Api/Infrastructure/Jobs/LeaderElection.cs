using LicensingPortal.Api.Infrastructure.Storage;
using Npgsql;

namespace LicensingPortal.Api.Infrastructure.Jobs;

/// <summary>
/// Elects the one instance that integrates the transparency log and rolls up the report counters. On
/// PostgreSQL the leader holds a session advisory lock on a connection of its own (not pooled, so the lock
/// cannot outlive it): if the instance stops or its connection drops, PostgreSQL releases the lock and another
/// instance takes it. The embedded default is a single instance, which always leads.
/// </summary>
public sealed partial class LeaderElection(IConfiguration configuration, ILogger<LeaderElection> logger) : IAsyncDisposable
{
    /// <summary>The advisory lock's key ("KUPANGLG").</summary>
    public const long LockKey = 0x4B55_5041_4E47_4C47;

    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(2);
    private NpgsqlConnection? held;
    private DateTime checkedAt;

    /// <summary>Whether this instance led at the last check.</summary>
    public bool IsLeader { get; private set; }

    /// <summary>How often this instance asked to lead and found another instance leading.</summary>
    public int Refusals => refusals;

    private int refusals;

    /// <summary>Leads if it can (or still does); false while another instance leads.</summary>
    public async Task<bool> TryLeadAsync(CancellationToken cancellationToken)
    {
        if (StorageOptions.PostgresConnectionString(configuration) is not { } connectionString)
        {
            return IsLeader = true;
        }

        if (held is not null)
        {
            if (DateTime.UtcNow - checkedAt < CheckEvery)
            {
                return true;
            }

            try
            {
                await using var ping = new NpgsqlCommand("SELECT 1", held);
                await ping.ExecuteScalarAsync(cancellationToken);
                checkedAt = DateTime.UtcNow;
                return true;
            }
            catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                LogLost(logger);
                await StandDownAsync();
            }
        }

        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 10 }.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", connection) { Parameters = { new() { Value = LockKey } } };
            if (await command.ExecuteScalarAsync(cancellationToken) is true)
            {
                held = connection;
                checkedAt = DateTime.UtcNow;
                LogElected(logger);
                return IsLeader = true;
            }
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            LogUnreachable(logger, exception.Message);
        }

        await connection.DisposeAsync();
        Interlocked.Increment(ref refusals);
        return IsLeader = false;
    }

    public async Task StandDownAsync()
    {
        IsLeader = false;
        if (held is not null)
        {
            await held.DisposeAsync();
            held = null;
        }
    }

    public async ValueTask DisposeAsync() => await StandDownAsync();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the integrator's database connection; standing down until elected again.")]
    private static partial void LogLost(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "This instance integrates the transparency log and rolls up the report counters.")]
    private static partial void LogElected(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not take part in the integrator's election: {Reason}")]
    private static partial void LogUnreachable(ILogger logger, string reason);
}
