namespace LicensingPortal.Api.Domain;

/// <summary>
/// A notification in the applicant's in-app inbox, written in the transaction of the change it reports, in both
/// languages: the inbox shows it in the language the reader reads the service in now, not the one the account had
/// when it was written. (Rows written before 2026-12-07 hold one language, the account's then, in <see cref="Title"/>
/// and <see cref="Body"/>, and none in <see cref="TitleEn"/>.)
/// </summary>
public sealed class InboxNotification
{
    private InboxNotification()
    {
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public string Type { get; private set; } = string.Empty;

    public Guid SubjectId { get; private set; }

    /// <summary>The title in Bahasa Indonesia.</summary>
    public string Title { get; private set; } = string.Empty;

    /// <summary>The text in Bahasa Indonesia.</summary>
    public string Body { get; private set; } = string.Empty;

    /// <summary>The title in English; null on rows written in one language only.</summary>
    public string? TitleEn { get; private set; }

    /// <summary>The text in English; null on rows written in one language only.</summary>
    public string? BodyEn { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    public const int TitleMaxLength = 300;
    public const int BodyMaxLength = 4000;

    /// <summary>A notice in both languages (each cut to the columns' lengths).</summary>
    public static InboxNotification Create(Guid userId, string type, Guid subjectId, string titleId, string bodyId, string titleEn, string bodyEn, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        UserId = userId,
        Type = type,
        SubjectId = subjectId,
        Title = Cut(titleId, TitleMaxLength),
        Body = Cut(bodyId, BodyMaxLength),
        TitleEn = Cut(titleEn, TitleMaxLength),
        BodyEn = Cut(bodyEn, BodyMaxLength),
        CreatedAt = now,
    };

    private static string Cut(string text, int length) => text.Length > length ? text[..length] : text;

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
