namespace LicensingPortal.Api.Data;

/// <summary>
/// The database that reports, public statistics and the officers' decision search read: a read-only replica when
/// <c>ConnectionStrings:PostgresReadOnly</c> is set (its answers may trail the primary by the replica's lag), the
/// request's own unit of work otherwise. Nothing is ever saved through it: the replica's context tracks nothing,
/// and the replica's role should be read-only too (docs/operations.md).
/// </summary>
public sealed class ReadModel : IAsyncDisposable, IDisposable
{
    private readonly LicensingDbContext? replica;

    public ReadModel(LicensingDbContext primary, ReplicaOptions? replicaOptions = null)
    {
        ArgumentNullException.ThrowIfNull(primary);
        if (replicaOptions is not null)
        {
            replica = new PostgresLicensingDbContext(replicaOptions.Options);
            replica.SavingChanges += (_, _) => throw new InvalidOperationException("Nothing is saved through the read-only replica.");
        }

        Db = replica ?? primary;
    }

    public LicensingDbContext Db { get; }

    public void Dispose() => replica?.Dispose();

    public ValueTask DisposeAsync() => replica?.DisposeAsync() ?? ValueTask.CompletedTask;

    /// <summary>The replica's context options, built once.</summary>
    public sealed class ReplicaOptions(string connectionString)
    {
        public DbContextOptions<PostgresLicensingDbContext> Options { get; } = Build(connectionString);

        private static DbContextOptions<PostgresLicensingDbContext> Build(string connectionString)
        {
            var builder = new DbContextOptionsBuilder<PostgresLicensingDbContext>();
            PostgresLicensingDbContext.Configure(builder, connectionString);
            builder.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
            return builder.Options;
        }
    }
}
