namespace LicensingPortal.Api.Features.Accounts;

/// <summary>
/// One request for an account back, as an administrator reads it before answering (ADR 0035): what the owner wrote
/// (the NIK masked), the applicant account found (<see cref="Account"/>, null when none), and whether another account
/// has the new address already (<see cref="NewEmailTaken"/>: granting would then be refused).
/// </summary>
public sealed record AccountRecoveryView(
    Guid Id,
    DateTimeOffset AskedAt,
    DateOnly AnswerBy,
    string AccountEmail,
    string NewEmail,
    string OwnerName,
    string Nik,
    string Lost,
    string? Contact,
    string Status,
    DateTimeOffset? DecidedAt,
    string? DecidedBy,
    string? RefusalReason,
    RecoveredAccount? Account,
    bool NewEmailTaken,
    string PhotoType,
    long PhotoSize,
    DateTimeOffset? PhotoDeletedAt = null);

/// <summary>
/// The account a request names, as far as it helps to judge who asks: its address now and whether it was found by the
/// NIK rather than the address written (a NIK is on every copy of a KTP: weaker), its businesses with whether their owner's NIK and
/// name are those written in the request (the NIK is never shown whole), whether two-step sign-in is on, and its last
/// sign-in, which, after the request, means its owner still has it (and a grant is refused).
/// </summary>
public sealed record RecoveredAccount(string Email, bool FoundByNik, bool TwoFactorEnabled, DateTimeOffset? LastSignInAt, bool SignedInSinceAsked, IReadOnlyList<RecoveredBusiness> Businesses);

/// <summary>A business of the account found: its name, its owner as registered, its e-mail (where its permit notices go:
/// a broker's address there would go on receiving them), and whether the owner's NIK and name are those written.</summary>
public sealed record RecoveredBusiness(string Name, string OwnerName, string Email, bool NikMatches, bool NameMatches);

/// <summary>The reads the administrators' list, one request's page, and the answer share.</summary>
public static class AccountRecoveries
{
    public static readonly Error NotFound = Error.NotFound(ErrorCodes.RecoveryNotFound, "No request for an account back has this id.");

    public static async Task<AccountRecoveryView> ViewAsync(LicensingDbContext db, Microsoft.AspNetCore.Identity.UserManager<ApplicationUser> users, AccountRecovery recovery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(recovery);
        var calendar = await db.WorkingCalendarAsync(cancellationToken);
        RecoveredAccount? account = null;
        if (recovery.AccountId is { } accountId && await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == accountId, cancellationToken) is { } user)
        {
            var lastSignIn = await db.AccountSessions.AsNoTracking().Where(s => s.AccountId == accountId).MaxAsync(s => (DateTimeOffset?)s.StartedAt, cancellationToken);
            var businesses = await db.Businesses.AsNoTracking().Where(b => b.OwnerId == accountId).OrderBy(b => b.Name)
                .Select(b => new { b.Name, b.OwnerName, b.OwnerNik, b.Email }).ToListAsync(cancellationToken);
            account = new RecoveredAccount(
                user.Email!,
                !string.Equals(user.NormalizedEmail, users.NormalizeEmail(recovery.AccountEmail), StringComparison.Ordinal),
                user.TwoFactorEnabled,
                lastSignIn,
                await SignedInSinceAsync(db, recovery, cancellationToken),
                [.. businesses.Select(b => new RecoveredBusiness(b.Name, b.OwnerName, b.Email, b.OwnerNik == recovery.Nik, SameName(b.OwnerName, recovery.OwnerName)))]);
        }

        var normalized = users.NormalizeEmail(recovery.NewEmail);
        var newEmailTaken = await db.Users.AsNoTracking().AnyAsync(u => u.NormalizedEmail == normalized && u.Id != recovery.AccountId, cancellationToken);
        var decidedBy = recovery.DecidedBy is { } adminId ? await db.Users.AsNoTracking().Where(u => u.Id == adminId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken) : null;
        return new AccountRecoveryView(
            recovery.Id, recovery.AskedAt, AnswerBy(calendar, recovery), recovery.AccountEmail, recovery.NewEmail, recovery.OwnerName, recovery.MaskedNik,
            LossName(recovery.Lost), recovery.Contact, StatusName(recovery.Status), recovery.DecidedAt, decidedBy, recovery.RefusalReason, account, newEmailTaken,
            recovery.PhotoType, recovery.PhotoSize, recovery.PhotoDeletedAt);
    }

    /// <summary>
    /// Whether the account signed in (past every step) after the request, or a sign-in of it was used since (seen at
    /// most an hour late): its owner still has it.
    /// </summary>
    public static Task<bool> SignedInSinceAsync(LicensingDbContext db, AccountRecovery recovery, CancellationToken cancellationToken) =>
        db.AccountSessions.AsNoTracking().AnyAsync(s => s.AccountId == recovery.AccountId && (s.StartedAt > recovery.AskedAt || s.LastSeenAt > recovery.AskedAt), cancellationToken);

    /// <summary>
    /// A request waiting already that says the same (the NIK, the account's address remembered and the new one, as
    /// Identity compares addresses), found an account or not: a request sent again, or a second one confirmed, is
    /// answered by it, and nobody is told twice.
    /// </summary>
    public static async Task<AccountRecovery?> WaitingTwinAsync(LicensingDbContext db, Microsoft.AspNetCore.Identity.UserManager<ApplicationUser> users, string? nik, string accountEmail, string newEmail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(users);
        var newAddress = users.NormalizeEmail(newEmail.Trim());
        var accountAddress = users.NormalizeEmail(accountEmail.Trim());
        var waiting = await db.AccountRecoveries.AsNoTracking().Where(r => r.Nik == nik && r.Status == AccountRecoveryStatus.Waiting).ToListAsync(cancellationToken);
        return waiting.FirstOrDefault(r => users.NormalizeEmail(r.NewEmail) == newAddress && users.NormalizeEmail(r.AccountEmail) == accountAddress);
    }

    /// <summary>Whether Identity takes the address as a sign-in name (its allowed characters): checked before anything changes.</summary>
    public static bool IsSignInName(Microsoft.AspNetCore.Identity.UserManager<ApplicationUser> users, string? address)
    {
        ArgumentNullException.ThrowIfNull(users);
        var allowed = users.Options.User.AllowedUserNameCharacters;
        return !string.IsNullOrWhiteSpace(address) && (string.IsNullOrEmpty(allowed) || address.Trim().All(allowed.Contains));
    }

    public static DateOnly AnswerBy(WorkingCalendar calendar, AccountRecovery recovery)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(recovery);
        return calendar.AddWorkingDays(Wita.DateOf(recovery.ConfirmedAt ?? recovery.AskedAt), AccountRecovery.AnswerWithinWorkingDays);
    }

    public static string LossName(AccountRecoveryLoss lost) => lost switch
    {
        AccountRecoveryLoss.Email => "email",
        AccountRecoveryLoss.Phone => "phone",
        _ => "both",
    };

    public static string StatusName(AccountRecoveryStatus status) => status switch
    {
        AccountRecoveryStatus.Unconfirmed => "unconfirmed",
        AccountRecoveryStatus.Waiting => "waiting",
        AccountRecoveryStatus.Granted => "granted",
        _ => "refused",
    };

    /// <summary>Names compared as people write them: case, spaces and marks aside ("Maria  Bere" is "MARIA BERE").</summary>
    public static bool SameName(string? a, string? b) => string.Equals(Letters(a), Letters(b), StringComparison.Ordinal);

    private static string Letters(string? name) => new((name ?? string.Empty).Where(char.IsLetter).Select(char.ToUpperInvariant).ToArray());
}
