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

    public byte[] Body { get; private set; } = [];

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
        Body = body,
    };
}
