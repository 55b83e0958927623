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

    /// <summary>
    /// What kind of device and browser signed in, as two coarse words ("android/chrome"; see
    /// <c>Infrastructure.Auth.DeviceNames</c>); null when the sign-in sent no User-Agent, or began before it was kept.
    /// </summary>
    public string? Device { get; private set; }

    /// <summary>The longest <see cref="Device"/> kept.</summary>
    public const int DeviceMaxLength = 32;

    public static AccountSession Start(Guid accountId, bool staff, DateTimeOffset now, string? device = null) => new()
    {
        Id = Guid.CreateVersion7(now),
        AccountId = accountId,
        Staff = staff,
        StartedAt = now,
        LastSeenAt = now,
        Device = device is { Length: > DeviceMaxLength } ? device[..DeviceMaxLength] : device,
    };

    /// <summary>
    /// A session unused this long stands for nothing, whatever its kind: its refresh tokens (14 days) and its cookie (8
    /// hours, sliding) ran out long before. It is then forgotten, like one ended this long ago.
    /// </summary>
    public static readonly TimeSpan Forgotten = TimeSpan.FromDays(30);

    /// <summary>Whether the session still stands at <paramref name="now"/>.</summary>
    public bool StandsAt(DateTimeOffset now, TimeSpan staffIdle, TimeSpan staffLongest) =>
        EndedAt is null && now - LastSeenAt < Forgotten && (!Staff || (now - LastSeenAt < staffIdle && now - StartedAt < staffLongest));

    /// <summary>How often a request notes the session's use: each minute for staff (the idle limit), each hour for applicants.</summary>
    public bool NeedsTouchAt(DateTimeOffset now) => now - LastSeenAt >= (Staff ? TimeSpan.FromMinutes(1) : TimeSpan.FromHours(1));

    public void End(DateTimeOffset now) => EndedAt ??= now;
}
