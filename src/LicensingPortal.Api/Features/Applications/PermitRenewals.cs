namespace LicensingPortal.Api.Features.Applications;

/// <summary>
/// What the renewal use cases share: finding one's own permit by number, saying in plain terms why it cannot be
/// renewed today, and the answers a renewal starts from (the business's latest approved application for the
/// permit's activities: the one that issued it, or a change that kept it).
/// </summary>
public static class PermitRenewals
{
    public static Error NotFound => Error.NotFound(ErrorCodes.PermitNotFound, "The permit was not found.");

    /// <summary>Why a permit cannot be renewed on a day; null when it can.</summary>
    public static Error? Refusal(Permit permit, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(permit);
        return permit.RenewalStateOn(today) switch
        {
            RenewalState.Open => null,
            RenewalState.NotYetOpen => new Error(
                ErrorCodes.RenewalNotOpenYet,
                StatusCodes.Status409Conflict,
                "The renewal is not open yet.",
                $"Permit {permit.Number} can be renewed from {permit.RenewalOpensOn:yyyy-MM-dd}, {Permit.RenewalWindowDays} days before it ends on {permit.ValidUntil:yyyy-MM-dd}."),
            RenewalState.Ended => new Error(
                ErrorCodes.PermitEnded,
                StatusCodes.Status409Conflict,
                "The permit has ended; a new application is needed.",
                $"Permit {permit.Number} ended on {permit.ValidUntil:yyyy-MM-dd}. An ended permit cannot be renewed: submit a new application (POST /api/applications)."),
            RenewalState.BusinessClosed => new Error(
                ErrorCodes.BusinessClosed,
                StatusCodes.Status409Conflict,
                "The business was closed by its owner.",
                $"Permit {permit.Number} ended when its business was closed; a closed business's permits are not renewed."),
            RenewalState.Replaced => new Error(
                ErrorCodes.PermitReplaced,
                StatusCodes.Status409Conflict,
                "The permit was replaced after a change of the business.",
                $"Permit {permit.Number} was replaced when a change of its business was approved; renew the permit issued in its place."),
            RenewalState.AlreadyRenewed => new Error(
                ErrorCodes.PermitAlreadyRenewed,
                StatusCodes.Status409Conflict,
                "The permit has been renewed already.",
                $"Permit {permit.Number} was renewed already; the renewed permit carries on from the day after it ends."),
            _ => new Error(
                ErrorCodes.PermitNotRenewable,
                StatusCodes.Status409Conflict,
                "This permit is not renewed.",
                permit.Status == PermitStatus.Revoked
                    ? $"Permit {permit.Number} was revoked; a revoked permit is not renewed."
                    : $"Permit {permit.Number} has no end date: it stays valid as long as the business operates."),
        };
    }

    /// <summary>
    /// The answers of the application that issued <paramref name="permit"/>, as a request for its renewal: the same,
    /// except that the activity under the renewed permit starts the day after the old one ends.
    /// </summary>
    public static async Task<ApplicationRequest> AnswersOfAsync(LicensingDbContext db, Permit permit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(permit);
        var basis = await BasisAsync(db, permit, cancellationToken);
        return ApplicationDraftView.ReadAnswers(AnswersJsonOf(basis)) with { PlannedStartDate = permit.ValidUntil?.AddDays(1) };
    }

    /// <summary>
    /// The application a renewal of <paramref name="permit"/> starts from: the business's latest approved application
    /// for the same activities (an approved change that kept the permit is the business as it runs now), or else the
    /// application that issued the permit.
    /// </summary>
    private static async Task<PermitApplication> BasisAsync(LicensingDbContext db, Permit permit, CancellationToken cancellationToken)
    {
        var activities = permit.KbliCodes.ToHashSet(StringComparer.Ordinal);
        var approved = await db.Applications.AsNoTracking()
            .Where(a => a.BusinessId == permit.BusinessId && a.Status == ApplicationStatus.Approved)
            .OrderByDescending(a => a.SubmittedAt)
            .ToListAsync(cancellationToken);
        return approved.FirstOrDefault(a => activities.SetEquals(a.KbliCodes)) ?? approved.First(a => a.Id == permit.ApplicationId);
    }

    /// <summary>
    /// A renewal renews the permit as it was issued: the same kind of application for the same activities. Other
    /// answers (size, investment, documents, declarations, location) may have changed and are decided again.
    /// </summary>
    public static async Task<Error?> ChangesWhatItRenewsAsync(LicensingDbContext db, Permit permit, ApplicationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(permit);
        ArgumentNullException.ThrowIfNull(request);
        var permitType = (await BasisAsync(db, permit, cancellationToken)).PermitType;
        if (request.PermitType != permitType)
        {
            return Error.Invalid("permitType", Texts.Get("Validation.Renewal.SameKind"));
        }

        return request.Kbli.ToHashSet(StringComparer.Ordinal).SetEquals(permit.KbliCodes) ? null : Error.Invalid("kbli", Texts.Get("Validation.Renewal.SameActivities"));
    }

    /// <summary>An application's answers as the JSON body of a request, with its business.</summary>
    public static string AnswersJsonOf(PermitApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
        var answers = Answers.ToJson(application);
        answers["businessId"] = application.BusinessId;
        return answers.ToJsonString(Json.Options);
    }
}
