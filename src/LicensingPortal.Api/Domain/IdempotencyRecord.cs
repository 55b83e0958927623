namespace LicensingPortal.Api.Domain;

/// <summary>
/// The first response to a POST sent with an Idempotency-Key, kept so that a repeat with the same key and body
/// gets that response byte for byte, also after a restart. Kept as long as the record it created.
/// </summary>
public sealed class IdempotencyRecord
{
    private IdempotencyRecord()
    {
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public string Key { get; private set; } = string.Empty;

    /// <summary>SHA-256 of the method, path and body: the same key with another request is refused.</summary>
    public string RequestHash { get; private set; } = string.Empty;

    public bool Completed { get; private set; }

    public int StatusCode { get; private set; }

    public string? ContentType { get; private set; }

    public string? Location { get; private set; }

    /// <summary>The response's bytes as stored: as sent, or Brotli-compressed when <see cref="BodyEncoding"/> says "br".</summary>
    public byte[] Body { get; private set; } = [];

    /// <summary>
    /// Null for a body stored as sent (records of earlier versions), "br" for one stored Brotli-compressed. An answer to a
    /// submission is about 13 KB of JSON: stored as sent, PostgreSQL compressed it (pglz) and moved it out of the row in
    /// every keyed submission's transaction, its most expensive statement; compressed here to about 3.6 KB, it stays in the
    /// row (the table's toast_tuple_target is a page on PostgreSQL).
    /// </summary>
    public string? BodyEncoding { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>A key with the response its request was answered with, stored in the transaction of that request's change.</summary>
    public static IdempotencyRecord Answered(Guid userId, string key, string requestHash, DateTimeOffset now, int statusCode, string? contentType, string? location, byte[] body) => new()
    {
        Id = Guid.CreateVersion7(now),
        UserId = userId,
        Key = key,
        RequestHash = requestHash,
        CreatedAt = now,
        Completed = true,
        StatusCode = statusCode,
        ContentType = contentType,
        Location = location,
        Body = Compress(body),
        BodyEncoding = Brotli,
    };

    /// <summary>The response's bytes exactly as they were first sent.</summary>
    public byte[] ResponseBody()
    {
        if (BodyEncoding is null)
        {
            return Body;
        }

        using var compressed = new MemoryStream(Body);
        using var brotli = new System.IO.Compression.BrotliStream(compressed, System.IO.Compression.CompressionMode.Decompress);
        using var body = new MemoryStream();
        brotli.CopyTo(body);
        return body.ToArray();
    }

    private const string Brotli = "br";

    /// <summary>
    /// Brotli at quality 1 (of 11), the fast end: well under a third of the answer's size (a test holds it). Quality 4
    /// saved a few percent more bytes and took 3-4% of a keyed submission's CPU (perf, docs/benchmarks.md).
    /// </summary>
    private static byte[] Compress(byte[] body)
    {
        var buffer = new byte[System.IO.Compression.BrotliEncoder.GetMaxCompressedLength(body.Length)];
        return System.IO.Compression.BrotliEncoder.TryCompress(body, buffer, out var written, quality: 1, window: 22)
            ? buffer[..written]
            : throw new InvalidOperationException("Brotli could not compress a stored response.");
    }
}
