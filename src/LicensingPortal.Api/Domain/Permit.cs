namespace LicensingPortal.Api.Domain;

/// <summary>
/// A permit issued on approval: a NIB, a Sertifikat Standar, an Izin or a PB UMKU. It carries a verification
/// code signed by the city, so anyone can check it without calling an office.
/// </summary>
public sealed class Permit
{
    private Permit()
    {
    }

    public Guid Id { get; private set; }

    public string Number { get; private set; } = string.Empty;

    public string Type { get; private set; } = string.Empty;

    public Guid BusinessId { get; private set; }

    public Guid ApplicationId { get; private set; }

    public List<string> KbliCodes { get; private set; } = [];

    public DateOnly IssuedOn { get; private set; }

    /// <summary>The first day the permit is valid: the day it is issued, or for a renewal the day after the permit it renews ends.</summary>
    public DateOnly ValidFrom { get; private set; }

    /// <summary>The last day the permit is valid; none for a permit valid as long as the business operates (NIB).</summary>
    public DateOnly? ValidUntil { get; private set; }

    public PermitStatus Status { get; private set; }

    public string VerificationCode { get; private set; } = string.Empty;

    public DateTimeOffset? RevokedAt { get; private set; }

    public string? RevocationReason { get; private set; }

    /// <summary>When the permit ended because its owner closed the business.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>The permit this one renews, when it is a renewal.</summary>
    public Guid? RenewsPermitId { get; private set; }

    /// <summary>The permit that renews this one, once a renewal was approved; it then ends without reminders.</summary>
    public Guid? RenewedByPermitId { get; private set; }

    /// <summary>When an approved change of the business (perubahan) ended this permit.</summary>
    public DateTimeOffset? ReplacedAt { get; private set; }

    /// <summary>The permit issued in its place by that change; none when the changed business no longer needs this one.</summary>
    public Guid? ReplacedByPermitId { get; private set; }

    /// <summary>The approved change application that ended this permit.</summary>
    public Guid? ReplacedByApplicationId { get; private set; }

    /// <summary>How many days before its last valid day a permit may be renewed.</summary>
    public const int RenewalWindowDays = 90;

    /// <summary>The first day a renewal may be asked for; none for a permit without an end.</summary>
    public DateOnly? RenewalOpensOn => ValidUntil?.AddDays(-RenewalWindowDays);

    public static Permit Issue(string number, string type, Guid businessId, Guid applicationId, IReadOnlyList<string> kbli, DateOnly issuedOn, int? validityMonths, Func<Permit, string> sign, DateTimeOffset now) =>
        Issue(number, type, businessId, applicationId, kbli, issuedOn, issuedOn, validityMonths, renews: null, sign, now);

    private static Permit Issue(string number, string type, Guid businessId, Guid applicationId, IReadOnlyList<string> kbli, DateOnly issuedOn, DateOnly validFrom, int? validityMonths, Guid? renews, Func<Permit, string> sign, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(sign);
        var permit = new Permit
        {
            Id = Guid.CreateVersion7(now),
            Number = number,
            Type = type,
            BusinessId = businessId,
            ApplicationId = applicationId,
            KbliCodes = [.. kbli],
            IssuedOn = issuedOn,
            ValidFrom = validFrom,
            ValidUntil = validityMonths is { } months ? LastDay(validFrom, months) : null,
            Status = PermitStatus.Active,
            RenewsPermitId = renews,
        };
        permit.VerificationCode = sign(permit);
        return permit;
    }

    /// <summary>
    /// The last day of a validity of <paramref name="months"/> from <paramref name="validFrom"/>: the day before the
    /// same day that many months on, or, when that month is too short (29 February, the 31st), before the first of the
    /// month after it. 1 March 2023 + 60 months ends on 29 February 2028; 29 February 2028 + 36 months on 28 February 2031.
    /// </summary>
    public static DateOnly LastDay(DateOnly validFrom, int months)
    {
        var next = validFrom.AddMonths(months);
        if (next.Day < validFrom.Day)
        {
            next = new DateOnly(next.Year, next.Month, 1).AddMonths(1);
        }

        return next.AddDays(-1);
    }

    /// <summary>
    /// After its renewal was refused on <paramref name="day"/>: whether this permit still holds and can still be renewed
    /// (so its owner reads that it holds until its last day and may correct and send again before then).
    /// </summary>
    public bool StillHoldsAfterARefusedRenewal(DateOnly day) => RenewalStateOn(day) is RenewalState.Open or RenewalState.NotYetOpen;

    /// <summary>Whether the permit can be renewed on a local date, and if not, why.</summary>
    public RenewalState RenewalStateOn(DateOnly today)
    {
        if (Status == PermitStatus.Closed)
        {
            return RenewalState.BusinessClosed;
        }

        if (Status == PermitStatus.Replaced)
        {
            return RenewalState.Replaced;
        }

        if (ValidUntil is not { } until || Status == PermitStatus.Revoked)
        {
            return RenewalState.NotRenewable;
        }

        if (RenewedByPermitId is not null)
        {
            return RenewalState.AlreadyRenewed;
        }

        if (today > until)
        {
            return RenewalState.Ended;
        }

        return today < RenewalOpensOn ? RenewalState.NotYetOpen : RenewalState.Open;
    }

    /// <summary>
    /// The permit that renews this one, on an approved renewal: same type and business, valid from the day after
    /// this one ends (no gap, no overlap) for <paramref name="validityMonths"/> (or as long as this one ran), linked
    /// both ways. A permit is renewed once.
    /// </summary>
    public Permit RenewAs(string number, Guid applicationId, IReadOnlyList<string> kbli, DateOnly issuedOn, int? validityMonths, Func<Permit, string> sign, DateTimeOffset now)
    {
        // The window is the use case's to check when the request arrives; a renewal decided a moment after
        // midnight of the last day still carries on from the day after the old permit ends.
        if (ValidUntil is null || Status is PermitStatus.Revoked or PermitStatus.Closed or PermitStatus.Replaced || RenewedByPermitId is not null)
        {
            throw new InvalidOperationException("Only a permit with an end date, in force and not renewed yet, is renewed.");
        }

        var from = ValidUntil!.Value.AddDays(1);
        var months = validityMonths ?? (((from.Year * 12) + from.Month) - ((ValidFrom.Year * 12) + ValidFrom.Month));
        var successor = Issue(number, Type, BusinessId, applicationId, kbli, issuedOn, from, months, Id, sign, now);
        RenewedByPermitId = successor.Id;
        return successor;
    }

    /// <summary>
    /// The permit that takes the place of <paramref name="replaced"/> (in force now or from a later day, of one type)
    /// after an approved change of the business: valid from the day of the change; a change does not renew, so it
    /// ends when the last of those would have ended. Each replaced permit ends that day, pointing to this one. With
    /// nothing replaced, the permit is new to the business and has the whole validity of its type.
    /// </summary>
    public static Permit Reissue(string number, string type, Guid businessId, Guid applicationId, IReadOnlyList<string> kbli, DateOnly today, int? validityMonths, IReadOnlyList<Permit> replaced, Func<Permit, string> sign, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(replaced);
        if (replaced.Any(p => p.Type != type || p.BusinessId != businessId || p.Status != PermitStatus.Active))
        {
            throw new InvalidOperationException("A change replaces permits in force of the same type and business.");
        }

        var permit = Issue(number, type, businessId, applicationId, kbli, today, validityMonths, sign, now);
        if (replaced.Count > 0)
        {
            var until = replaced.Any(p => p.ValidUntil is null) ? null : replaced.Max(p => p.ValidUntil);
            permit.ValidUntil = until;
            permit.VerificationCode = sign(permit);
            foreach (var old in replaced)
            {
                old.ReplaceBy(permit, applicationId, now);
            }
        }

        return permit;
    }

    /// <summary>Ends a permit in force because an approved change of its business replaced it, or no longer needs it (<paramref name="successor"/> null).</summary>
    public void ReplaceBy(Permit? successor, Guid changeApplicationId, DateTimeOffset now)
    {
        if (Status != PermitStatus.Active)
        {
            throw new InvalidOperationException("Only a permit in force is replaced.");
        }

        Status = PermitStatus.Replaced;
        ReplacedAt = now;
        ReplacedByPermitId = successor?.Id;
        ReplacedByApplicationId = changeApplicationId;
    }

    /// <summary>Marks an active permit past its last valid day as expired; true when it changed.</summary>
    public bool ExpireIfDue(DateOnly today)
    {
        if (StatusOn(today) != PermitStatus.Expired || Status == PermitStatus.Expired)
        {
            return false;
        }

        Status = PermitStatus.Expired;
        return true;
    }

    public void Revoke(string reason, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (Status is PermitStatus.Revoked or PermitStatus.Closed or PermitStatus.Replaced)
        {
            throw new InvalidOperationException("Only a permit that has not ended otherwise is revoked.");
        }

        Status = PermitStatus.Revoked;
        RevokedAt = now;
        RevocationReason = reason;
    }

    /// <summary>Ends a permit in force because its owner closed the business (see <see cref="Business.Close"/>).</summary>
    internal void Close(DateTimeOffset now)
    {
        if (Status != PermitStatus.Active)
        {
            throw new InvalidOperationException("Only a permit in force is closed.");
        }

        Status = PermitStatus.Closed;
        ClosedAt = now;
    }

    /// <summary>Whether a permit in force only takes over later (a renewal, from the day after the old one ends).</summary>
    public bool StartsAfter(DateOnly today) => Status == PermitStatus.Active && today < ValidFrom;

    /// <summary>
    /// Whether this permit, in force on <paramref name="today"/>, is the one its owner got by applying again after
    /// <paramref name="ended"/> ended: the same business, kind and activities, issued after the old one's last day.
    /// </summary>
    public bool TakesOverFrom(Permit ended, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(ended);
        return Id != ended.Id
            && BusinessId == ended.BusinessId
            && Type == ended.Type
            && ended.ValidUntil is { } lastDay
            && IssuedOn > lastDay
            && StatusOn(today) == PermitStatus.Active
            && KbliCodes.ToHashSet(StringComparer.Ordinal).SetEquals(ended.KbliCodes);
    }

    /// <summary>
    /// The permit among <paramref name="candidates"/> that took over from <paramref name="ended"/> when its owner
    /// applied again (<see cref="TakesOverFrom"/>): the newest, by issue day then number; null when none did.
    /// </summary>
    public static Permit? TakingOver(Permit ended, IEnumerable<Permit> candidates, DateOnly today) =>
        candidates.Where(p => p.TakesOverFrom(ended, today)).OrderByDescending(p => p.IssuedOn).ThenByDescending(p => p.Number, StringComparer.Ordinal).FirstOrDefault();

    /// <summary>The status on a given local date: an active permit past its last valid day is expired.</summary>
    public PermitStatus StatusOn(DateOnly today) =>
        Status == PermitStatus.Active && ValidUntil is { } until && today > until ? PermitStatus.Expired : Status;
}

/// <summary>Whether a permit can be renewed on a day.</summary>
public enum RenewalState
{
    /// <summary>Within the 90 days before its last valid day, or on it.</summary>
    Open,

    /// <summary>More than 90 days before its last valid day.</summary>
    NotYetOpen,

    /// <summary>Past its last valid day: a new application is needed.</summary>
    Ended,

    /// <summary>A renewal was approved already.</summary>
    AlreadyRenewed,

    /// <summary>Valid as long as the business operates (a NIB, a standard certificate), or revoked.</summary>
    NotRenewable,

    /// <summary>Ended because its owner closed the business.</summary>
    BusinessClosed,

    /// <summary>Replaced after an approved change of the business: the permit issued in its place is renewed instead.</summary>
    Replaced,
}

public enum PermitStatus
{
    Active,
    Expired,
    Revoked,

    /// <summary>Ended because its owner closed the business.</summary>
    Closed,

    /// <summary>Ended by an approved change of the business (perubahan): replaced by a new permit, or no longer needed.</summary>
    Replaced,
}
