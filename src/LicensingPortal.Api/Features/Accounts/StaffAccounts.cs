using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Transparency;
using Microsoft.AspNetCore.Identity;

namespace LicensingPortal.Api.Features.Accounts;

/// <summary>
/// What the staff use cases share: the staff accounts and their roles, the rule that the service always keeps an
/// active administrator, and the record of every change (kept for administrators and appended to the transparency
/// log as <c>staff-changed</c>).
/// </summary>
public sealed class StaffAccounts(LicensingDbContext db, UserManager<ApplicationUser> users, TransparencyLog log, TimeProvider time)
{
    public static Error NotFound => Error.NotFound(ErrorCodes.StaffAccountNotFound, "No staff account has this id.");

    public static Error LastAdministrator => new(
        ErrorCodes.LastAdministrator,
        StatusCodes.Status409Conflict,
        "The service would have no active administrator.",
        "Give another account the Admin role first.");

    /// <summary>The staff account with this id, or null (an applicant's account is not one).</summary>
    public async Task<ApplicationUser?> FindAsync(Guid id)
    {
        var user = await users.FindByIdAsync(id.ToString());
        return user is not null && (await users.GetRolesAsync(user)).Any(Roles.IsStaffRole) ? user : null;
    }

    public async Task<IReadOnlyList<string>> RolesOfAsync(ApplicationUser user) =>
        [.. (await users.GetRolesAsync(user)).Where(Roles.IsStaffRole).Order(StringComparer.Ordinal)];

    /// <summary>
    /// Takes the Admin role's row for the unit of work: two administrators demoting or deactivating each other at once
    /// then decide one after the other, so the second sees the first's change and the service keeps an administrator.
    /// </summary>
    public Task LockAdministratorsAsync(CancellationToken cancellationToken) =>
        db.Roles.Where(r => r.Name == Roles.Admin).ExecuteUpdateAsync(set => set.SetProperty(r => r.ConcurrencyStamp, r => r.ConcurrencyStamp), cancellationToken);

    /// <summary>Whether an active administrator other than <paramref name="accountId"/> exists (one who has signed in: joined).</summary>
    public async Task<bool> AnotherActiveAdminAsync(Guid accountId, CancellationToken cancellationToken) =>
        await (from userRole in db.UserRoles
               join role in db.Roles on userRole.RoleId equals role.Id
               join user in db.Users on userRole.UserId equals user.Id
               where role.Name == Roles.Admin && user.Id != accountId && user.DeactivatedAt == null && user.PasswordHash != null
               select user.Id).AnyAsync(cancellationToken);

    /// <summary>Keeps the change and appends it to the transparency log, in the caller's unit of work.</summary>
    public StaffChange Record(Guid accountId, StaffChangeKind kind, IEnumerable<string> roles, Guid? by)
    {
        var change = StaffChange.Of(accountId, kind, roles, time.GetUtcNow(), by);
        db.StaffChanges.Add(change);
        log.Record(by is { } admin ? LogActors.Admin(admin) : LogActors.System, LogEntryTypes.StaffChanged, change.Id, LogPayloads.ForStaffChange(change));
        return change;
    }

    /// <summary>Every staff account as administrators see it, newest first.</summary>
    public async Task<IReadOnlyList<StaffMember>> ListAsync(Guid? only, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var roles = await (from userRole in db.UserRoles
                           join role in db.Roles on userRole.RoleId equals role.Id
                           where Roles.Staff.Contains(role.Name!) && (only == null || userRole.UserId == only)
                           select new { userRole.UserId, role.Name }).ToListAsync(cancellationToken);
        var ids = roles.Select(r => r.UserId).Distinct().ToList();
        var accounts = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToListAsync(cancellationToken);
        // With the invitations this unit of work made and has not yet written.
        var invitations = (await db.StaffInvitations.AsNoTracking().Where(i => ids.Contains(i.AccountId)).ToListAsync(cancellationToken))
            .Concat(db.StaffInvitations.Local.Where(i => ids.Contains(i.AccountId)))
            .GroupBy(i => i.AccountId).ToDictionary(g => g.Key, g => g.MaxBy(i => i.CreatedAt)!);
        var lastSignIns = (await db.SignInAttempts.AsNoTracking()
                .Where(a => ids.Contains(a.AccountId) && a.Outcome == SignInOutcome.Succeeded)
                .Select(a => new { a.AccountId, a.At }).ToListAsync(cancellationToken))
            .GroupBy(a => a.AccountId).ToDictionary(g => g.Key, g => g.Max(a => a.At));
        return [.. accounts
            .OrderBy(a => a.Email, StringComparer.OrdinalIgnoreCase)
            .Select(a =>
            {
                var joined = a.PasswordHash is not null;
                invitations.TryGetValue(a.Id, out var invitation);
                var status = !a.IsActive ? StaffStatus.Deactivated
                    : joined ? StaffStatus.Active
                    : invitation is not null && invitation.IsOpen(now) ? StaffStatus.Invited
                    : StaffStatus.InvitationExpired;
                return new StaffMember(
                    a.Id,
                    a.Email!,
                    [.. roles.Where(r => r.UserId == a.Id).Select(r => r.Name!).Order(StringComparer.Ordinal)],
                    status,
                    a.TwoFactorEnabled,
                    joined ? null : invitation?.ExpiresAt,
                    lastSignIns.TryGetValue(a.Id, out var at) ? at : null,
                    a.DeactivatedAt);
            })];
    }
}

public enum StaffStatus
{
    /// <summary>Signed up through the invitation (or seeded) and not deactivated.</summary>
    Active,

    /// <summary>Invited; the invitation is still open.</summary>
    Invited,

    /// <summary>Invited, but the invitation expired unused: invite again.</summary>
    InvitationExpired,

    Deactivated,
}

/// <summary>A staff account as administrators see it.</summary>
public sealed record StaffMember(
    Guid Id,
    string Email,
    IReadOnlyList<string> Roles,
    StaffStatus Status,
    bool TwoFactor,
    DateTimeOffset? InvitationExpiresAt,
    DateTimeOffset? LastSignInAt,
    DateTimeOffset? DeactivatedAt);
