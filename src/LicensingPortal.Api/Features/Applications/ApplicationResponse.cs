using LicensingPortal.Api.Infrastructure.Transparency;
using LicensingPortal.Rules.Compilation;
using LicensingPortal.Rules.Model;

namespace LicensingPortal.Api.Features.Applications;

/// <summary>An application as its applicant reads it: what was stated, the decision explained, the permits it issued, its place in a chain of corrections, for a renewal the number of the permit it renews, for a change what it changed and the permits it ended, and every answer as it was stated.</summary>
public sealed record ApplicationResponse(
    Guid Id,
    Guid BusinessId,
    ApplicationStatus Status,
    string PermitType,
    IReadOnlyList<string> Kbli,
    string Kelurahan,
    string? Kecamatan,
    IReadOnlyList<Guid> DocumentIds,
    DateTimeOffset SubmittedAt,
    DateOnly SubmissionDate,
    DecisionExplanation? Decision,
    IReadOnlyList<PermitResponse> Permits,
    ResubmissionView? Resubmission,
    LogPromise? LogPromise = null,
    ApplicationKind Kind = ApplicationKind.New,
    string? Renews = null,
    IReadOnlyList<FieldChange>? Changes = null,
    IReadOnlyList<PermitResponse>? Ended = null,
    ApplicationRequest? Answers = null)
{
    /// <summary>Renders an application and its decision in the reader's language, from what was stored when it was decided.</summary>
    public static ApplicationResponse From(PermitApplication application, CompiledRuleSet? ruleSet, Language language, IReadOnlyList<PermitResponse> permits, ResubmissionView? resubmission, LogPromise? promise = null, string? renews = null)
    {
        ArgumentNullException.ThrowIfNull(application);
        return new ApplicationResponse(
            application.Id,
            application.BusinessId,
            application.Status,
            application.PermitType,
            application.KbliCodes,
            application.KelurahanCode,
            application.KecamatanCode,
            application.DocumentIds,
            application.SubmittedAt,
            application.SubmissionDate,
            application.Decision is { } decision && ruleSet is not null ? DecisionExplanation.Of(decision, ruleSet, language) : null,
            permits,
            resubmission,
            promise,
            application.Kind,
            renews,
            Answers: ApplicationDraftView.ReadAnswers(PermitRenewals.AnswersJsonOf(application)));
    }
}

/// <summary>Where an application stands in a chain of corrections, and what changed from the one it corrects.</summary>
public sealed record ResubmissionView(Guid? PreviousApplicationId, Guid? ResubmittedAsId, IReadOnlyList<FieldChange> Changes);
