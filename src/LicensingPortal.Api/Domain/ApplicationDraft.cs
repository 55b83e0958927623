namespace LicensingPortal.Api.Domain;

/// <summary>
/// An application being filled in on the web, one question page at a time: the answers so far (the JSON body an
/// application is submitted with), which pages are done, and, for a correction, the rejected application it
/// corrects. It belongs to one applicant, survives a sign-in that expires, and is submitted once.
/// </summary>
public sealed class ApplicationDraft
{
    private ApplicationDraft()
    {
    }

    public Guid Id { get; private set; }

    public Guid OwnerId { get; private set; }

    /// <summary>The rejected application this draft corrects, when it is a correction.</summary>
    public Guid? CorrectsApplicationId { get; private set; }

    /// <summary>The permit this draft renews, when it is a renewal.</summary>
    public Guid? RenewsPermitId { get; private set; }

    /// <summary>The business this draft changes, when it is a change of a running business (perubahan).</summary>
    public Guid? ChangesBusinessId { get; private set; }

    /// <summary>The answers so far, as the JSON of an application request (fields not yet answered are absent).</summary>
    public string AnswersJson { get; private set; } = "{}";

    /// <summary>
    /// The answers a draft started from, when it started from answers given before (a correction's, a renewal's, a
    /// change's, a new application for an ended permit: every page done), so that what the applicant changed can be
    /// shown; null for a draft started empty.
    /// </summary>
    public string? StartedFromJson { get; private set; }

    /// <summary>The question pages the applicant has completed.</summary>
    public List<string> CompletedSteps { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The application the draft became, once submitted.</summary>
    public Guid? SubmittedApplicationId { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public bool Submitted => SubmittedApplicationId is not null;

    public static ApplicationDraft Start(Guid ownerId, string answersJson, IEnumerable<string> completedSteps, Guid? correctsApplicationId, DateTimeOffset now, Guid? renewsPermitId = null, Guid? changesBusinessId = null)
    {
        List<string> done = [.. completedSteps];
        return new()
        {
            ChangesBusinessId = changesBusinessId,
            Id = Guid.CreateVersion7(now),
            OwnerId = ownerId,
            CorrectsApplicationId = correctsApplicationId,
            RenewsPermitId = renewsPermitId,
            AnswersJson = answersJson,
            CompletedSteps = done,
            StartedFromJson = done.Count > 0 ? answersJson : null,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>Keeps the answers after a question page, and that the page is done.</summary>
    public void Answer(string answersJson, string step, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(answersJson);
        ArgumentException.ThrowIfNullOrEmpty(step);
        if (Submitted)
        {
            throw new InvalidOperationException("A submitted draft is not changed.");
        }

        AnswersJson = answersJson;
        if (!CompletedSteps.Contains(step))
        {
            CompletedSteps = [.. CompletedSteps, step];
        }

        UpdatedAt = now;
    }

    /// <summary>
    /// Keeps answers changed outside a question page (a document uploaded from the documents page and attached at
    /// once): no page is marked done, as the person has not pressed its button.
    /// </summary>
    public void Revise(string answersJson, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(answersJson);
        if (Submitted)
        {
            throw new InvalidOperationException("A submitted draft is not changed.");
        }

        AnswersJson = answersJson;
        UpdatedAt = now;
    }

    /// <summary>Whether the answers so far name <paramref name="businessId"/> as the business that applies.</summary>
    public bool IsFor(Guid businessId)
    {
        using var answers = System.Text.Json.JsonDocument.Parse(AnswersJson);
        return answers.RootElement.TryGetProperty("businessId", out var id)
            && id.ValueKind == System.Text.Json.JsonValueKind.String
            && id.TryGetGuid(out var value)
            && value == businessId;
    }

    public void MarkSubmitted(Guid applicationId, DateTimeOffset now)
    {
        if (Submitted)
        {
            throw new InvalidOperationException("A draft is submitted once.");
        }

        SubmittedApplicationId = applicationId;
        SubmittedAt = now;
        UpdatedAt = now;
    }
}
