namespace LicensingPortal.Api.Domain;

/// <summary>What the inspector found at the visit.</summary>
public enum InspectionOutcome
{
    /// <summary>The premises meet the standard the permit was issued on.</summary>
    Met,

    /// <summary>Something does not meet it yet: the findings say what, in plain words, and the office books another visit once it is fixed.</summary>
    NotMet,
}

/// <summary>
/// A visit to a business by an inspector of the technical office (the health office for a hygiene certificate, the
/// office of the activity for a verified Standard Certificate), booked by a licensing officer in the service and
/// told to the owner before anyone comes: which office, the inspector's name and civil-servant number (NIP), and the
/// days. The visit is the one meeting face to face the service leaves (ADR 0036): an owner who knows who is coming
/// and when can tell an impostor at the door, and one who reads the result in the service is not told a "fee"
/// settles it. The result is recorded once; a visit booked again replaces the one waiting, never a recorded one; a
/// visit whose permit ends before it takes place is called off.
/// </summary>
public sealed class InspectionVisit
{
    public const int AgencyMaxLength = 120;
    public const int NameMaxLength = 120;
    public const int FindingsMinLength = 20;
    public const int FindingsMaxLength = 4000;

    /// <summary>The longest span of days a visit may be booked for: the owner has to be there.</summary>
    public const int MaxWindowDays = 14;

    /// <summary>How far ahead a visit may be booked.</summary>
    public const int MaxDaysAhead = 90;

    /// <summary>The permit types whose holders are visited (each has a <c>Decision.Inspected.{type}</c> text).</summary>
    public static IReadOnlySet<string> VisitedTypes { get; } = new HashSet<string>(StringComparer.Ordinal) { "SS-TV", "PB-UMKU-SLHS" };

    /// <summary>The permit types under which the business may not operate before the visit finds the standard met.</summary>
    public static IReadOnlySet<string> BeforeOperating { get; } = new HashSet<string>(StringComparer.Ordinal) { "SS-TV" };

    private InspectionVisit()
    {
    }

    public Guid Id { get; private set; }

    public Guid PermitId { get; private set; }

    public Guid BusinessId { get; private set; }

    /// <summary>The office the inspector comes from, as the owner reads it (e.g. "Dinas Kesehatan Kota Kupang").</summary>
    public string Agency { get; private set; } = string.Empty;

    public string InspectorName { get; private set; } = string.Empty;

    /// <summary>The inspector's civil-servant number (NIP, 18 digits), as on their ID card and letter of assignment.</summary>
    public string InspectorNip { get; private set; } = string.Empty;

    /// <summary>The first day (WITA) the inspector may come.</summary>
    public DateOnly FromDate { get; private set; }

    /// <summary>The last day (WITA) the inspector may come.</summary>
    public DateOnly ToDate { get; private set; }

    public Guid BookedBy { get; private set; }

    public DateTimeOffset BookedAt { get; private set; }

    /// <summary>When a visit booked again replaced this one before it took place.</summary>
    public DateTimeOffset? ReplacedAt { get; private set; }

    public InspectionOutcome? Outcome { get; private set; }

    /// <summary>The day (WITA) the inspector came, once recorded.</summary>
    public DateOnly? VisitedOn { get; private set; }

    /// <summary>What the inspector found, in plain words: what is not met and how to fix it (required when not met).</summary>
    public string? Findings { get; private set; }

    public Guid? RecordedBy { get; private set; }

    public DateTimeOffset? RecordedAt { get; private set; }

    /// <summary>
    /// When the visit was called off because its permit ended before it took place (revoked, closed with the business,
    /// or replaced or dropped after a change; a visit falls within its permit's validity, so a lapse or a renewal
    /// finds none waiting): nobody comes for it, and the owner was told so.
    /// </summary>
    public DateTimeOffset? CalledOffAt { get; private set; }

    /// <summary>
    /// When a licensing officer marked that the inspector's office was told the visit was called off (the inspectors
    /// are not users of the service: an officer phones or writes to their office); the first mark is kept.
    /// </summary>
    public DateTimeOffset? OfficeToldAt { get; private set; }

    /// <summary>The officer who marked <see cref="OfficeToldAt"/>.</summary>
    public Guid? OfficeToldBy { get; private set; }

    /// <summary>Booked, neither replaced nor called off, and its result not recorded yet.</summary>
    public bool IsWaiting => ReplacedAt is null && CalledOffAt is null && Outcome is null;

    /// <summary><see cref="IsWaiting"/> as the database reads it.</summary>
    public static System.Linq.Expressions.Expression<Func<InspectionVisit, bool>> Waiting { get; } = v => v.ReplacedAt == null && v.CalledOffAt == null && v.Outcome == null;

    /// <summary>
    /// A visit to the holder of <paramref name="permit"/>. The caller has checked that the permit is in force, of a
    /// visited type and not yet found to meet the standard, and that the days are within the limits.
    /// </summary>
    public static InspectionVisit Book(Permit permit, Guid officerId, string agency, string inspectorName, string inspectorNip, DateOnly from, DateOnly to, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(permit);
        ArgumentException.ThrowIfNullOrWhiteSpace(agency);
        ArgumentException.ThrowIfNullOrWhiteSpace(inspectorName);
        if (!VisitedTypes.Contains(permit.Type))
        {
            throw new InvalidOperationException($"A {permit.Type} holder is not visited.");
        }

        if (to < from)
        {
            throw new ArgumentOutOfRangeException(nameof(to), "The last day comes before the first.");
        }

        if (permit.ValidUntil is { } last && to > last)
        {
            throw new ArgumentOutOfRangeException(nameof(to), "A visit falls within the permit's validity.");
        }

        return new InspectionVisit
        {
            Id = Guid.CreateVersion7(now),
            PermitId = permit.Id,
            BusinessId = permit.BusinessId,
            Agency = agency.Trim(),
            InspectorName = inspectorName.Trim(),
            InspectorNip = NipOf(inspectorNip) ?? throw new ArgumentException("Not a NIP.", nameof(inspectorNip)),
            FromDate = from,
            ToDate = to,
            BookedBy = officerId,
            BookedAt = now,
        };
    }

    /// <summary>The NIP as stored (18 digits), from what was typed with spaces or dots; null when it is not one.</summary>
    public static string? NipOf(string? typed)
    {
        if (typed is null)
        {
            return null;
        }

        var digits = new string([.. typed.Where(c => c is not (' ' or '.' or '-'))]);
        return digits.Length == 18 && digits.All(char.IsAsciiDigit) ? digits : null;
    }

    /// <summary>The NIP as printed on an ID card: birth date, appointment month, sex, number (8 6 1 3).</summary>
    public static string NipShown(string nip) =>
        nip.Length == 18 ? $"{nip[..8]} {nip[8..14]} {nip[14]} {nip[15..]}" : nip;

    /// <summary>Another visit was booked in this one's place before it took place.</summary>
    public void Replace(DateTimeOffset now)
    {
        if (!IsWaiting)
        {
            throw new InvalidOperationException("Only a waiting visit is replaced.");
        }

        ReplacedAt = now;
    }

    /// <summary>Its permit ended before the visit took place: nobody comes for it.</summary>
    public void CallOff(DateTimeOffset now)
    {
        if (!IsWaiting)
        {
            throw new InvalidOperationException("Only a waiting visit is called off.");
        }

        CalledOffAt = now;
    }

    /// <summary>
    /// An officer told the inspector's office that the visit was called off; marked once (a second mark, by another
    /// officer at the same moment, keeps the first).
    /// </summary>
    public void MarkOfficeTold(Guid officerId, DateTimeOffset now)
    {
        if (CalledOffAt is null)
        {
            throw new InvalidOperationException("Only a visit called off is told to the inspector's office.");
        }

        if (OfficeToldAt is not null)
        {
            return;
        }

        OfficeToldAt = now;
        OfficeToldBy = officerId;
    }

    /// <summary>
    /// The mark of <see cref="MarkOfficeTold"/> taken back (pressed by mistake, or the office could not be reached after
    /// all): the visit is again among those whose office is to be told. Nothing to take back is no change.
    /// </summary>
    public void UndoOfficeTold()
    {
        OfficeToldAt = null;
        OfficeToldBy = null;
    }

    /// <summary>The visit took place on <paramref name="visitedOn"/>, with its outcome; recorded once.</summary>
    public void Record(Guid officerId, InspectionOutcome outcome, DateOnly visitedOn, string? findings, DateTimeOffset now)
    {
        if (!IsWaiting)
        {
            throw new InvalidOperationException("The visit's result was recorded already, or the visit was replaced or called off.");
        }

        if (outcome == InspectionOutcome.NotMet && string.IsNullOrWhiteSpace(findings))
        {
            throw new ArgumentException("A standard not met needs its findings.", nameof(findings));
        }

        Outcome = outcome;
        VisitedOn = visitedOn;
        Findings = string.IsNullOrWhiteSpace(findings) ? null : findings.Trim();
        RecordedBy = officerId;
        RecordedAt = now;
    }
}
