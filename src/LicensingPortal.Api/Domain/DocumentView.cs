namespace LicensingPortal.Api.Domain;

/// <summary>
/// An officer (or administrator) opened a document an applicant attached to an application: who, which, for which
/// case, and when. Officers read every applicant's documents; each reading is kept in their access history.
/// </summary>
public sealed class DocumentView
{
    private DocumentView()
    {
    }

    public Guid Id { get; private set; }

    public Guid OfficerId { get; private set; }

    public Guid ApplicationId { get; private set; }

    public Guid DocumentId { get; private set; }

    public DateTimeOffset At { get; private set; }

    public static DocumentView Of(Guid officerId, Guid applicationId, Guid documentId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        OfficerId = officerId,
        ApplicationId = applicationId,
        DocumentId = documentId,
        At = now,
    };
}
