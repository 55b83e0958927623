namespace LicensingPortal.Api.Features.Applications;

/// <summary>
/// What the change use cases share (perubahan): the business's current answers (those of its latest approved
/// application, which a change starts from), its permits in force, why it cannot be changed, and whether a change
/// changes anything the rules read.
/// </summary>
public static class BusinessChanges
{
    /// <summary>The answers that do not make a change on their own: when it starts, the declarations and the documents.</summary>
    private static readonly HashSet<string> NotAChange = new(StringComparer.Ordinal) { "plannedStartDate", "declarations", "documentIds" };

    public static Error NotFound => Error.NotFound(ErrorCodes.BusinessNotFound, "The business was not found.");

    public static Error Closed(Business business)
    {
        ArgumentNullException.ThrowIfNull(business);
        return new Error(ErrorCodes.BusinessClosed, StatusCodes.Status409Conflict, "The business was closed by its owner.", $"The business was closed on {Wita.DateOf(business.ClosedAt!.Value):yyyy-MM-dd}; a closed business is not changed.");
    }

    public static Error NotLicensed => new(
        ErrorCodes.BusinessNotLicensed,
        StatusCodes.Status409Conflict,
        "The business has no approved application yet.",
        "A change is of a business that runs under its permits. Until an application of this business is approved, submit (or correct) an application instead (POST /api/applications).");

    public static Error NothingChanged => Error.Invalid(string.Empty, Texts.Get("Validation.Change.NothingChanged"));

    /// <summary>The application a change of <paramref name="business"/> starts from, or why it cannot be changed (closed, or never approved).</summary>
    public static async Task<Result<PermitApplication>> StartingPointAsync(LicensingDbContext db, Business business, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(business);
        if (business.IsClosed)
        {
            return Closed(business);
        }

        return await CurrentAsync(db, business.Id, cancellationToken) is { } current ? current : Result<PermitApplication>.Failure(NotLicensed);
    }

    /// <summary>The business's latest approved application: its answers are the business as it runs now.</summary>
    public static Task<PermitApplication?> CurrentAsync(LicensingDbContext db, Guid businessId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Applications
            .Where(a => a.BusinessId == businessId && a.Status == ApplicationStatus.Approved)
            .OrderByDescending(a => a.SubmittedAt)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The current answers as a request for a change: the same, starting today.</summary>
    public static ApplicationRequest AnswersOf(PermitApplication current) =>
        ApplicationDraftView.ReadAnswers(PermitRenewals.AnswersJsonOf(current)) with { PlannedStartDate = null };

    /// <summary>
    /// The permits a change of <paramref name="current"/> may re-issue or end: the business's permits in force today or
    /// from a later day (a renewal), other than its NIB, whose activities are all among the current answers' (a permit
    /// another application of the business issued for other activities is not touched), each with its site.
    /// </summary>
    public static async Task<IReadOnlyList<HeldPermit>> HeldAsync(LicensingDbContext db, PermitApplication current, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(current);
        var activities = current.KbliCodes.ToHashSet(StringComparer.Ordinal);
        var permits = (await db.Permits
                .Where(p => p.BusinessId == current.BusinessId && p.Status == PermitStatus.Active && p.Type != PermitTypes.Nib && (p.ValidUntil == null || p.ValidUntil >= today))
                .ToListAsync(cancellationToken))
            .Where(p => p.KbliCodes.All(activities.Contains))
            .ToList();
        var issuing = permits.Select(p => p.ApplicationId).Distinct().ToList();
        var sites = await db.Applications.AsNoTracking()
            .Where(a => issuing.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => new { a.KelurahanCode, a.Address }, cancellationToken);
        return permits.OrderBy(p => p.Type, StringComparer.Ordinal).ThenBy(p => p.ValidFrom)
            .Select(p => new HeldPermit(p, sites[p.ApplicationId].KelurahanCode, sites[p.ApplicationId].Address))
            .ToList();
    }

    /// <summary>What a change application changes among the answers the rules read (not when, not declarations or documents).</summary>
    public static IReadOnlyList<FieldChange> ChangesOf(PermitApplication current, PermitApplication changed)
    {
        ArgumentNullException.ThrowIfNull(changed);
        return changed.ChangesFrom(current).Where(c => !NotAChange.Contains(c.Field)).ToList();
    }
}
