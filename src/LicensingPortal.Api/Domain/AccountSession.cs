namespace LicensingPortal.Api.Domain;

/// <summary>
/// One signed-in session (a sign-in cookie, or a bearer token and the refresh tokens that follow it), kept on the
/// server so that signing out ends it there and not only in the browser. A staff session also ends after a while
/// without activity and after a longest time, whatever the cookie or token still says.
/// </summary>
public sealed class AccountSession
{
    private AccountSession()
    {
    }

    public Guid Id { get; private set; }

    public Guid AccountId { get; private set; }

    /// <summary>Whether the idle and absolute limits of staff sessions apply.</summary>
    public bool Staff { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset LastSeenAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public static AccountSession Start(Guid accountId, bool staff, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        AccountId = accountId,
        Staff = staff,
        StartedAt = now,
        LastSeenAt = now,
    };

    /// <summary>Whether the session still stands at <paramref name="now"/>.</summary>
    public bool StandsAt(DateTimeOffset now, TimeSpan staffIdle, TimeSpan staffLongest) =>
        EndedAt is null && (!Staff || (now - LastSeenAt < staffIdle && now - StartedAt < staffLongest));

    public void End(DateTimeOffset now) => EndedAt ??= now;
}
