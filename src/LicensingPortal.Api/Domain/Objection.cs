namespace LicensingPortal.Api.Domain;

/// <summary>How the licensing office answered an objection.</summary>
public enum ObjectionOutcome
{
    /// <summary>The refusal rests on what the application said and on the rules as they are: it stands, and the answer says why and what to do.</summary>
    Stands,

    /// <summary>
    /// The office agrees the refusal rested on a mistake of its own (its data, such as the zoning of a kelurahan, or a
    /// rule): the answer says what it corrected and when the owner can send the application again. Nobody changes a
    /// decision: the application sent again is decided by the engine, on the corrected rules.
    /// </summary>
    Upheld,
}

/// <summary>
/// An owner's written objection (keberatan) to the refusal of their application, under the law on government
/// administration (UU 30/2014, Pasal 75-77): filed within 21 working days of the decision, answered by a licensing
/// officer within 10 working days, in writing. One objection an application; the answer is final here (what
/// remains is an appeal to the mayor or the administrative court, outside this service). An officer's answer
/// never changes the decision: it explains it, or says what the office corrected so the application sent again
/// passes.
/// </summary>
public sealed class Objection
{
    public const int ReasonMinLength = 20;
    public const int ReasonMaxLength = 4000;
    public const int AnswerMinLength = 20;
    public const int AnswerMaxLength = 4000;

    /// <summary>Files an owner may attach to show what they say (a letter from the kelurahan, a zoning map, a photo).</summary>
    public const int MaxDocuments = 5;

    /// <summary>Working days after the decision in which it may be objected to (UU 30/2014, Pasal 77 ayat 1).</summary>
    public const int WorkingDaysToFile = 21;

    /// <summary>Working days the office has to answer (UU 30/2014, Pasal 77 ayat 4).</summary>
    public const int WorkingDaysToAnswer = 10;

    /// <summary>Working days after the answer in which the owner may appeal to the mayor (UU 30/2014, Pasal 78 ayat 1).</summary>
    public const int WorkingDaysToAppeal = 10;

    /// <summary>
    /// Calendar days an objection is still taken after <see cref="LastDayToFile"/> when the holidays of a year it spans
    /// are not known yet (the year's joint decree not entered): a citizen's window must never be shorter than the
    /// law's. Two weeks cover the longest run of holidays in a 21-working-day window (Idul Fitri with its joint leave:
    /// eight weekdays in 2025).
    /// </summary>
    public const int HolidayMarginDays = 14;

    private Objection()
    {
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    /// <summary>The owner who objected (the application's business's owner when they filed).</summary>
    public Guid OwnerId { get; private set; }

    /// <summary>Why the owner thinks the refusal is wrong, in their words.</summary>
    public string Reason { get; private set; } = string.Empty;

    /// <summary>The failed requirements (their ids in the rule set) the owner says were judged wrongly; empty when the objection is to the refusal as a whole.</summary>
    public List<string> RequirementIds { get; private set; } = [];

    /// <summary>The owner's own uploaded documents they attached as evidence (none, or up to <see cref="MaxDocuments"/>): kept while the objection is.</summary>
    public List<Guid> DocumentIds { get; private set; } = [];

    public DateTimeOffset FiledAt { get; private set; }

    /// <summary>The last working day (WITA) the office has to answer.</summary>
    public DateOnly AnswerDueOn { get; private set; }

    public ObjectionOutcome? Outcome { get; private set; }

    public string? Answer { get; private set; }

    public Guid? AnsweredBy { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public bool IsAnswered => AnsweredAt is not null;

    /// <summary>The last working day, as the owner is told it, to object to a decision made at <paramref name="decidedAt"/>.</summary>
    public static DateOnly LastDayToFile(DateTimeOffset decidedAt, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.AddWorkingDays(Wita.DateOf(decidedAt), WorkingDaysToFile);
    }

    /// <summary>
    /// The last day an objection to a decision made at <paramref name="decidedAt"/> is taken: <see cref="LastDayToFile"/>,
    /// and the holiday margin unless the holidays of every year the time spans were already set when the decision was
    /// made. A year set (or set again) after the decision adds holidays to a margin the owner was promised: it can
    /// lengthen the time to object, never shorten it.
    /// </summary>
    public static DateOnly LastDayTaken(DateTimeOffset decidedAt, WorkingCalendar calendar)
    {
        var last = LastDayToFile(decidedAt, calendar);
        return calendar.KnewAt(Wita.DateOf(decidedAt), last, decidedAt) ? last : last.AddDays(HolidayMarginDays);
    }

    /// <summary>Whether an objection to a decision made at <paramref name="decidedAt"/> is still taken on <paramref name="today"/> (WITA).</summary>
    public static bool MayStillBeFiled(DateTimeOffset decidedAt, DateOnly today, WorkingCalendar calendar) => today <= LastDayTaken(decidedAt, calendar);

    /// <summary>
    /// An objection to a refused application. The caller has checked that the application is the owner's, refused,
    /// not objected to yet and within its time, that <paramref name="requirementIds"/> are among its failures and
    /// that <paramref name="documentIds"/> are the owner's own documents.
    /// </summary>
    public static Objection File(Guid applicationId, Guid ownerId, string reason, IEnumerable<string> requirementIds, IEnumerable<Guid> documentIds, DateTimeOffset now, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(reason);
        ArgumentNullException.ThrowIfNull(requirementIds);
        ArgumentNullException.ThrowIfNull(documentIds);
        return new Objection
        {
            Id = Guid.CreateVersion7(now),
            ApplicationId = applicationId,
            OwnerId = ownerId,
            Reason = reason.Trim(),
            RequirementIds = [.. requirementIds.Distinct(StringComparer.Ordinal)],
            DocumentIds = [.. documentIds.Distinct()],
            FiledAt = now,
            AnswerDueOn = calendar.AddWorkingDays(Wita.DateOf(now), WorkingDaysToAnswer),
        };
    }

    /// <summary>A licensing officer answers, once: the answer is a public act of the office, kept as written.</summary>
    public void Respond(Guid officerId, ObjectionOutcome outcome, string answer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (IsAnswered)
        {
            throw new InvalidOperationException("An objection is answered once.");
        }

        Outcome = outcome;
        Answer = answer.Trim();
        AnsweredBy = officerId;
        AnsweredAt = now;
    }

    /// <summary>The last working day to appeal to the mayor after the answer; null while unanswered.</summary>
    public static DateOnly? LastDayToAppeal(DateTimeOffset? answeredAt, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return answeredAt is { } at ? calendar.AddWorkingDays(Wita.DateOf(at), WorkingDaysToAppeal) : null;
    }

    /// <summary>Whether the answer came (or, unanswered, is) later than the law allows, as of <paramref name="today"/> (WITA).</summary>
    public bool IsLate(DateOnly today) => (AnsweredAt is { } at ? Wita.DateOf(at) : today) > AnswerDueOn;
}
