using System.Threading.RateLimiting;

namespace LicensingPortal.Api.Infrastructure.Auth;

/// <summary>
/// A fixed-window limit counted in PostgreSQL, so it holds for the whole service whichever node answers (ADR 0021).
/// Each limited request adds one to its window's row in an unlogged table (no WAL flush, no commit wait; a crash of
/// the database forgets the current windows, which only lets a few more requests through once) on the request's
/// own connection, the one its use case then uses. The rate-limiting middleware first tries the synchronous
/// acquire, which never counts, then awaits <see cref="AcquireAsyncCore"/>.
/// </summary>
public sealed class SharedWindowLimiter(string partition, int permitLimit, TimeSpan window, IHttpContextAccessor accessor, TimeProvider time) : RateLimiter
{
    /// <summary>Every this many counts, the node also removes windows that ended over a day ago.</summary>
    private const int SweepEvery = 1000;

    private static int counted;

    private long lastUsed = time.GetTimestamp();

    public override TimeSpan? IdleDuration => time.GetElapsedTime(Volatile.Read(ref lastUsed));

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => Lease.NotYet;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Volatile.Write(ref lastUsed, time.GetTimestamp());
        if (permitCount == 0)
        {
            return Lease.Granted;
        }

        var services = accessor.HttpContext?.RequestServices ?? throw new InvalidOperationException("A shared limit is taken for a request.");
        var db = services.GetRequiredService<LicensingDbContext>();
        var now = time.GetUtcNow();
        var windowTicks = window.Ticks;
        var start = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % windowTicks), TimeSpan.Zero);
        var hits = await db.Database.SqlQuery<int>($"""
            INSERT INTO rate_limit_windows AS w (partition, window_start, hits) VALUES ({partition}, {start}, {permitCount})
            ON CONFLICT (partition, window_start) DO UPDATE SET hits = w.hits + EXCLUDED.hits
            RETURNING hits AS "Value"
            """).ToListAsync(cancellationToken);
        if (Interlocked.Increment(ref counted) % SweepEvery == 0)
        {
            var before = now.AddDays(-1);
            await db.Database.ExecuteSqlAsync($"DELETE FROM rate_limit_windows WHERE window_start < {before}", cancellationToken);
        }

        return hits[0] <= permitLimit ? Lease.Granted : Lease.Refused(start + window - now);
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, null);

        public static readonly Lease NotYet = new(false, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public static Lease Refused(TimeSpan retryAfter) => new(false, retryAfter);

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
