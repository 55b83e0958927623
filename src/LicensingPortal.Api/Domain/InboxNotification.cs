namespace LicensingPortal.Api.Domain;

/// <summary>A notification in the applicant's in-app inbox, written in the transaction of the change it reports.</summary>
public sealed class InboxNotification
{
    private InboxNotification()
    {
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public string Type { get; private set; } = string.Empty;

    public Guid SubjectId { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public string Body { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    public static InboxNotification Create(Guid userId, string type, Guid subjectId, string title, string body, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        UserId = userId,
        Type = type,
        SubjectId = subjectId,
        Title = title.Length > 300 ? title[..300] : title,
        Body = body.Length > 4000 ? body[..4000] : body,
        CreatedAt = now,
    };

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;
}

/// <summary>That the reminder of a permit's expiry N days ahead was sent, so it is sent once.</summary>
public sealed class PermitReminder
{
    private PermitReminder()
    {
    }

    public Guid PermitId { get; private set; }

    public int DaysBefore { get; private set; }

    public DateOnly SentOn { get; private set; }

    public static PermitReminder Sent(Guid permitId, int daysBefore, DateOnly today) => new() { PermitId = permitId, DaysBefore = daysBefore, SentOn = today };
}
