namespace LicensingPortal.Api.Infrastructure.Transparency;

/// <summary>
/// Writes to the transparency log within the caller's unit of work: an entry is added with its final leaf hash
/// and no place, so it commits exactly when the change it records commits and no two changes touch the same
/// row. The integrator (<see cref="LogIntegrator"/>) gives committed entries their sequence numbers.
/// </summary>
public sealed class TransparencyLog(LicensingDbContext db, TimeProvider time)
{
    /// <summary>Adds an entry to the caller's unit of work and returns it (its leaf hash is what a promise signs).</summary>
    public TransparencyLogEntry Record(string actor, string type, Guid subjectId, string payloadSha256)
    {
        var entry = TransparencyLogEntry.Append(time.GetUtcNow(), actor, type, subjectId, payloadSha256);
        db.TransparencyLog.Add(entry);
        return entry;
    }

    /// <summary>The leaf hashes of the first <paramref name="size"/> integrated entries (all when null), in log order.</summary>
    public async Task<byte[][]> LeafHashesAsync(long? size, CancellationToken cancellationToken)
    {
        var integrated = db.TransparencyLog.AsNoTracking().Where(e => e.Sequence != null);
        if (size is { } limit)
        {
            integrated = integrated.Where(e => e.Sequence < limit);
        }

        return await integrated.OrderBy(e => e.Sequence).Select(e => e.LeafHash).ToArrayAsync(cancellationToken);
    }
}
