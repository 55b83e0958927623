namespace LicensingPortal.Api.Domain;

/// <summary>
/// A notification to deliver, written in the same transaction as the change that causes it, so it survives a
/// crash between commit and delivery. Its id is the stable identity every delivery attempt carries.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage()
    {
    }

    public Guid Id { get; private set; }

    public string Type { get; private set; } = string.Empty;

    public Guid SubjectId { get; private set; }

    /// <summary>What the message needs beyond its subject (e.g. a confirmation link), as JSON.</summary>
    public string? Payload { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ProcessedAt { get; private set; }

    /// <summary>Set while one worker holds the message, so two workers never deliver it at once.</summary>
    public DateTimeOffset? LockedUntil { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    public static OutboxMessage DecisionMade(Guid applicationId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Type = OutboxMessageTypes.DecisionMade,
        SubjectId = applicationId,
        CreatedAt = now,
    };

    public static OutboxMessage EmailConfirmation(Guid userId, string payload, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Type = OutboxMessageTypes.EmailConfirmation,
        SubjectId = userId,
        Payload = payload,
        CreatedAt = now,
    };

    public void MarkDelivered(DateTimeOffset now)
    {
        ProcessedAt = now;
        LockedUntil = null;
        LastError = null;
    }

    public void MarkFailed(string error)
    {
        Attempts++;
        LockedUntil = null;
        LastError = error.Length > 2000 ? error[..2000] : error;
    }
}

public static class OutboxMessageTypes
{
    public const string DecisionMade = "decision-made";
    public const string EmailConfirmation = "email-confirmation";
}
