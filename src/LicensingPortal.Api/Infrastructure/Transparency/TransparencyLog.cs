namespace LicensingPortal.Api.Infrastructure.Transparency;

/// <summary>
/// Appends to the transparency log within the caller's transaction: sequence numbers are reserved by
/// incrementing the single head row, which serialises appends, so the log has no gaps and no repeats and an
/// entry exists exactly when the change it records was committed.
/// </summary>
public sealed class TransparencyLog(LicensingDbContext db)
{
    private readonly List<(string Actor, string Type, Guid Subject, string Payload)> pending = [];

    public void Record(string actor, string type, Guid subjectId, string payloadSha256) => pending.Add((actor, type, subjectId, payloadSha256));

    /// <summary>Forgets what was recorded: the unit of work that recorded it did not commit.</summary>
    public void Discard() => pending.Clear();

    /// <summary>Reserves sequence numbers for the recorded entries and adds them; the unit of work calls it inside its transaction, before saving.</summary>
    public async Task FlushAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (pending.Count == 0)
        {
            return;
        }

        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Appending to the transparency log needs the caller's transaction.");
        }

        var first = (await db.Database
            .SqlQueryRaw<long>("UPDATE transparency_log_head SET size = size + {0} WHERE id = 1 RETURNING size - {0} AS \"Value\"", pending.Count)
            .ToListAsync(cancellationToken)).Single();
        for (var i = 0; i < pending.Count; i++)
        {
            var (actor, type, subject, payload) = pending[i];
            db.TransparencyLog.Add(TransparencyLogEntry.Append(first + i, now, actor, type, subject, payload));
        }

        pending.Clear();
    }

    /// <summary>The leaf hashes of the first <paramref name="size"/> entries (all when null), in log order.</summary>
    public async Task<byte[][]> LeafHashesAsync(long? size, CancellationToken cancellationToken)
    {
        var query = db.TransparencyLog.AsNoTracking().OrderBy(e => e.Sequence).Select(e => e.LeafHash);
        return size is { } limit ? await query.Take((int)limit).ToArrayAsync(cancellationToken) : await query.ToArrayAsync(cancellationToken);
    }
}
