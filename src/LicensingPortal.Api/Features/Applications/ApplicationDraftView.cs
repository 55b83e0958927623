using System.Text.Json;

namespace LicensingPortal.Api.Features.Applications;

/// <summary>
/// A draft as its applicant reads it: the answers so far, the pages done, what it corrects, renews or changes, and what
/// it became; in the list of drafts, when an application for the same business and activities was approved after it
/// was last changed (<c>OvertakenAt</c>: it is likely no longer needed).
/// </summary>
public sealed record ApplicationDraftView(
    Guid Id,
    Guid? CorrectsApplicationId,
    ApplicationRequest Answers,
    IReadOnlyList<string> CompletedSteps,
    DateTimeOffset UpdatedAt,
    Guid? SubmittedApplicationId,
    Guid? RenewsPermitId = null,
    Guid? ChangesBusinessId = null,
    ApplicationRequest? StartedFrom = null,
    DateTimeOffset? OvertakenAt = null)
{
    public bool IsComplete => ApplicationSteps.All.All(CompletedSteps.Contains);

    /// <summary>A renewal or a change: the business (and the kind of application) are the permit's or the business's, not asked.</summary>
    public bool LocksBusiness => RenewsPermitId is not null || ChangesBusinessId is not null;

    public static ApplicationDraftView From(ApplicationDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return new(draft.Id, draft.CorrectsApplicationId, ReadAnswers(draft.AnswersJson), draft.CompletedSteps, draft.UpdatedAt, draft.SubmittedApplicationId, draft.RenewsPermitId, draft.ChangesBusinessId,
            draft.StartedFromJson is { } started ? ReadAnswers(started) : null);
    }

    /// <summary>The answers as a request; what is not answered yet is empty.</summary>
    public static ApplicationRequest ReadAnswers(string json) =>
        JsonSerializer.Deserialize<ApplicationRequest>(json, Json.Options) ?? throw new InvalidOperationException("A draft holds no answers.");

    public static string WriteAnswers(ApplicationRequest answers) => JsonSerializer.Serialize(answers, Json.Options);
}
