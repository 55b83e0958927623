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

    /// <summary>The last day the permit is valid; none for a permit valid as long as the business operates (NIB).</summary>
    public DateOnly? ValidUntil { get; private set; }

    public PermitStatus Status { get; private set; }

    public string VerificationCode { get; private set; } = string.Empty;

    public DateTimeOffset? RevokedAt { get; private set; }

    public string? RevocationReason { get; private set; }

    public static Permit Issue(string number, string type, Guid businessId, Guid applicationId, IReadOnlyList<string> kbli, DateOnly issuedOn, int? validityMonths, Func<Permit, string> sign, DateTimeOffset now)
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
            ValidUntil = validityMonths is { } months ? issuedOn.AddMonths(months).AddDays(-1) : null,
            Status = PermitStatus.Active,
        };
        permit.VerificationCode = sign(permit);
        return permit;
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
        if (Status == PermitStatus.Revoked)
        {
            throw new InvalidOperationException("The permit is already revoked.");
        }

        Status = PermitStatus.Revoked;
        RevokedAt = now;
        RevocationReason = reason;
    }

    /// <summary>The status on a given local date: an active permit past its last valid day is expired.</summary>
    public PermitStatus StatusOn(DateOnly today) =>
        Status == PermitStatus.Active && ValidUntil is { } until && today > until ? PermitStatus.Expired : Status;
}

public enum PermitStatus
{
    Active,
    Expired,
    Revoked,
}
