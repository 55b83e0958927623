namespace LicensingPortal.Api.Domain;

/// <summary>What happened to a staff account.</summary>
public enum StaffChangeKind
{
    Invited,
    Joined,
    RolesChanged,
    Deactivated,
    Reactivated,
    TwoFactorReset,

    /// <summary>An applicant's account given back to its owner at a new address or without its lost phone (ADR 0035).</summary>
    AccountRecovered,
}

/// <summary>
/// One change to who may audit, report or administer: the account, what happened, its staff roles afterwards, when,
/// and by whom (none when the account did it itself, by accepting its invitation). Each is kept for administrators and
/// appended to the transparency log (<c>staff-changed</c>), so who could revoke permits or read every application at
/// any time is itself evident.
/// </summary>
public sealed class StaffChange
{
    private StaffChange()
    {
    }

    public Guid Id { get; private set; }

    public Guid AccountId { get; private set; }

    public StaffChangeKind Kind { get; private set; }

    /// <summary>The account's staff roles after the change, sorted and joined with commas.</summary>
    public string Roles { get; private set; } = string.Empty;

    public DateTimeOffset At { get; private set; }

    public Guid? By { get; private set; }

    public IReadOnlyList<string> RoleList => Roles.Length == 0 ? [] : Roles.Split(',');

    public static StaffChange Of(Guid accountId, StaffChangeKind kind, IEnumerable<string> roles, DateTimeOffset now, Guid? by) => new()
    {
        Id = Guid.CreateVersion7(now),
        AccountId = accountId,
        Kind = kind,
        Roles = string.Join(',', roles.Order(StringComparer.Ordinal)),
        At = now,
        By = by,
    };
}

/// <summary>The kinds as they are hashed into the transparency log (stable: changing one would break verification).</summary>
public static class StaffChangeKinds
{
    public static string Of(StaffChangeKind kind) => kind switch
    {
        StaffChangeKind.Invited => "invited",
        StaffChangeKind.Joined => "joined",
        StaffChangeKind.RolesChanged => "roles-changed",
        StaffChangeKind.Deactivated => "deactivated",
        StaffChangeKind.Reactivated => "reactivated",
        StaffChangeKind.TwoFactorReset => "two-factor-reset",
        StaffChangeKind.AccountRecovered => "account-recovered",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
