using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace LicensingPortal.Api.Infrastructure.Auth;

/// <summary>
/// Every sign-in (cookie or bearer token) carries the id of an <see cref="AccountSession"/> kept on the server. Each
/// request checks, in one query, that the session has not ended (signed out, idle or too old for staff), that the
/// account is not deactivated, and that its security stamp is the one the sign-in was made with (a new password, a
/// second factor turned on or a role changed ends every earlier sign-in). A sign-in without a session id stands for
/// nothing.
/// </summary>
public sealed class Sessions(LicensingDbContext db, IOptions<IdentityOptions> identity, IOptions<SessionLimitOptions> options, TimeProvider time, IHttpContextAccessor http)
{
    /// <summary>The claim that holds the session id.</summary>
    public const string Claim = "lp:sid";

    /// <summary>The claim an account's sign-in carries when the account has a second factor (so the sign-in needed it).</summary>
    public const string TwoFactorClaim = "lp:2fa";

    /// <summary>
    /// Starts a session for a sign-in (in the caller's unit of work) and returns the principal that carries it; the
    /// session keeps what kind of device and browser the request came from (<see cref="DeviceNames"/>).
    /// </summary>
    public ClaimsPrincipal Start(ClaimsPrincipal principal, Guid accountId)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var device = DeviceNames.Of(http.HttpContext?.Request.Headers.UserAgent.ToString());
        var session = AccountSession.Start(accountId, Roles.IsStaff(principal), time.GetUtcNow(), device);
        db.AccountSessions.Add(session);
        return With(principal, session.Id);
    }

    /// <summary>A principal made afresh for the same session (after the account's security stamp changed by its own doing).</summary>
    public static ClaimsPrincipal Continue(ClaimsPrincipal fresh, ClaimsPrincipal current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return IdOf(current) is { } id ? With(fresh, id) : fresh;
    }

    public static Guid? IdOf(ClaimsPrincipal principal) =>
        Guid.TryParse(principal?.FindFirstValue(Claim), out var id) ? id : null;

    /// <summary>Whether the principal's session stands now; notes its use.</summary>
    public async Task<bool> StandsAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (IdOf(principal) is not { } id || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var accountId))
        {
            return false;
        }

        // The request's connection: opened here, it stays open for the use case, its Idempotency-Key and its answer
        // (one pooled connection per request), and closes with the request's DbContext.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var found = await db.AccountSessions.AsNoTracking()
            .Where(s => s.Id == id && s.AccountId == accountId)
            .Join(db.Users, s => s.AccountId, u => u.Id, (s, u) => new { Session = s, u.SecurityStamp, u.DeactivatedAt })
            .SingleOrDefaultAsync(cancellationToken);
        var now = time.GetUtcNow();
        var limits = options.Value;
        if (found is null || found.DeactivatedAt is not null
            || found.SecurityStamp != principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType)
            || !found.Session.StandsAt(now, limits.StaffIdle, limits.StaffLongest))
        {
            return false;
        }

        // Use is written at most once a minute (staff) or an hour (applicants), so reading pages does not write on every request.
        if (found.Session.NeedsTouchAt(now))
        {
            await db.AccountSessions.Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now), cancellationToken);
        }

        return true;
    }

    /// <summary>Ends the principal's session on the server (in the caller's unit of work).</summary>
    public async Task EndAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (IdOf(principal) is { } id && await db.AccountSessions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken) is { } session)
        {
            session.End(time.GetUtcNow());
        }
    }

    /// <summary>
    /// Ends every other session of the principal's account (in the caller's unit of work): each cookie and bearer token
    /// signed in elsewhere, and the refresh tokens that follow them, stops at once; this one goes on.
    /// </summary>
    public async Task EndOthersAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (IdOf(principal) is { } id && Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var accountId))
        {
            await EndAsync(accountId, keep: id, cancellationToken);
        }
    }

    /// <summary>
    /// Ends every session of an account (in the caller's unit of work). Called wherever its security stamp changes (a
    /// new or reset password, two-step sign-in turned on or off, roles changed, deactivated): the stamp already stops
    /// those sign-ins, and their rows then say so in the account's list of sign-ins.
    /// </summary>
    public Task EndAllAsync(Guid accountId, CancellationToken cancellationToken) => EndAsync(accountId, keep: null, cancellationToken);

    /// <summary>
    /// The principal's own change gave its account a new security stamp: a page that goes on with a fresh cookie keeps
    /// its session (<paramref name="keepThisSignIn"/>), an API client's token stops with every other sign-in.
    /// </summary>
    public Task EndOnNewStampAsync(ClaimsPrincipal principal, bool keepThisSignIn, CancellationToken cancellationToken) =>
        keepThisSignIn ? EndOthersAsync(principal, cancellationToken) : EndAllAsync(principal.UserId(), cancellationToken);

    // One statement in the caller's transaction: an integrator that logs in for every call has many sessions.
    private async Task EndAsync(Guid accountId, Guid? keep, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await db.AccountSessions.Where(s => s.AccountId == accountId && s.Id != keep && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now), cancellationToken);
    }

    private static ClaimsPrincipal With(ClaimsPrincipal principal, Guid sessionId)
    {
        var identity = new ClaimsIdentity(principal.Claims.Where(c => c.Type != Claim), principal.Identity?.AuthenticationType, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(Claim, sessionId.ToString()));
        return new ClaimsPrincipal(identity);
    }
}
