using System.Globalization;
using Npgsql;

namespace LicensingPortal.Bench;

/// <summary>
/// Where a stretch of load went, as the difference of counters read before and after it: the CPU of the API, of
/// PostgreSQL and of this process (the load generator and the SMTP sink, and pgbench once it has exited); PostgreSQL's
/// commits, its writing transactions (transaction ids handed out), its WAL flushes and its WAL bytes, and the
/// background work that lands on a stretch unevenly: autovacuum and autoanalyze runs finished, checkpoints begun.
/// CPU, transaction ids and WAL bytes are exact at once. Commits, flushes and the autovacuum count come from
/// PostgreSQL's statistics, which a busy backend reports at most once a second and an idle one may hold for up to ten:
/// they can be short by about a second's worth of a stretch, and carry some of the one before.
/// </summary>
internal sealed record Spent(double Api, double Postgres, double Client, long Commits, long Writing, long WalFlushes, long WalBytes, long Autovacuums, long Checkpoints)
{
    public static async Task<Spent> ReadAsync(int? apiPid, string connection)
    {
        var cpu = (Api: apiPid is { } pid ? Cpu.OfProcess(pid) : 0, Postgres: Cpu.OfPostgres(), Client: Cpu.OfThisProcessAndItsEndedChildren());
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT (SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()),
                   pg_snapshot_xmax(pg_current_snapshot())::text::bigint,
                   (SELECT wal_sync FROM pg_stat_wal),
                   (pg_current_wal_insert_lsn() - '0/0')::bigint,
                   (SELECT sum(autovacuum_count + autoanalyze_count) FROM pg_stat_all_tables)::bigint,
                   (SELECT checkpoints_timed + checkpoints_req FROM pg_stat_bgwriter)
            """, db);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new Spent(cpu.Api, cpu.Postgres, cpu.Client, reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5));
    }

    /// <summary>What was spent from <paramref name="before"/> to now.</summary>
    public static async Task<Spent> SinceAsync(Spent before, int? apiPid, string connection)
    {
        var now = await ReadAsync(apiPid, connection);
        return new Spent(now.Api - before.Api, now.Postgres - before.Postgres, now.Client - before.Client, now.Commits - before.Commits, now.Writing - before.Writing, now.WalFlushes - before.WalFlushes, now.WalBytes - before.WalBytes, now.Autovacuums - before.Autovacuums, now.Checkpoints - before.Checkpoints);
    }

    /// <summary>This difference per submission (or per pgbench transaction), in words, with how busy the box was.</summary>
    public string Each(int count, TimeSpan elapsed)
    {
        var n = (double)Math.Max(count, 1);
        var busy = (Api + Postgres + Client) / (elapsed.TotalMilliseconds * Environment.ProcessorCount);
        return string.Create(CultureInfo.InvariantCulture, $"{Api / n:F2} ms API + {Postgres / n:F2} ms PostgreSQL + {Client / n:F2} ms load generator CPU each (the box's {Environment.ProcessorCount} cores {busy:P0} busy); {Commits / n:F1} commits ({Writing / n:F1} writing), {WalFlushes / n:F2} WAL flushes and {WalBytes / n / 1024:F1} KB of WAL each; {Autovacuums} autovacuum or autoanalyze runs ended and {Checkpoints} checkpoints begun meanwhile");
    }
}
