namespace LicensingPortal.Api.Domain;

/// <summary>An officer's note on a decision. Notes are appended to the transparency log; they never change an outcome.</summary>
public sealed class DecisionNote
{
    private DecisionNote()
    {
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    public Guid AuthorId { get; private set; }

    public string Text { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public static DecisionNote Add(Guid applicationId, Guid authorId, string text, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        ApplicationId = applicationId,
        AuthorId = authorId,
        Text = text.Trim(),
        CreatedAt = now,
    };
}
