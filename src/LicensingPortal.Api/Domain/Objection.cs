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
/// officer within 10 working days, in writing. One objection an application. When the refusal stands, the owner may
/// appeal (banding, Pasal 78) to the mayor, once and within 10 working days of the answer: the mayor's office answers
/// within 10 working days (<see cref="ObjectionAppeal"/>); what remains after is the administrative court, outside
/// this service. No answer, the officer's or the mayor's office's, changes the decision: it explains it, or says what
/// the office corrected so the application sent again passes.
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

    /// <summary>The owner's appeal to the mayor after the refusal stood, once sent.</summary>
    public ObjectionAppeal? Appeal { get; private set; }

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

    /// <summary>
    /// The last day an appeal after an answer given at <paramref name="answeredAt"/> is taken: <see cref="LastDayToAppeal"/>,
    /// and the holiday margin unless the holidays of every year the time spans were set when the answer was given (as
    /// for the objection itself, <see cref="LastDayTaken"/>: a year set later can lengthen the time, never shorten it).
    /// Null while unanswered.
    /// </summary>
    public static DateOnly? LastDayAppealTaken(DateTimeOffset? answeredAt, WorkingCalendar calendar)
    {
        if (answeredAt is not { } at || LastDayToAppeal(at, calendar) is not { } last)
        {
            return null;
        }

        return calendar.KnewAt(Wita.DateOf(at), last, at) ? last : last.AddDays(HolidayMarginDays);
    }

    /// <summary>Whether the owner may appeal to the mayor on <paramref name="today"/> (WITA): the refusal stood, no appeal yet, and the last day it is taken has not passed.</summary>
    public bool MayBeAppealed(DateOnly today, WorkingCalendar calendar) =>
        Outcome == ObjectionOutcome.Stands && Appeal is null && LastDayAppealTaken(AnsweredAt, calendar) is { } last && today <= last;

    /// <summary>
    /// The owner appeals to the mayor (banding, UU 30/2014 Pasal 78): why the answer is wrong, in their words. The caller
    /// has checked <see cref="MayBeAppealed"/>; the mayor's office has ten working days from today to answer.
    /// </summary>
    public void AppealToMayor(string reason, DateTimeOffset now, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(reason);
        ArgumentNullException.ThrowIfNull(calendar);
        if (!MayBeAppealed(Wita.DateOf(now), calendar))
        {
            throw new InvalidOperationException("Only a refusal that stood on objection is appealed, once and in time.");
        }

        Appeal = new ObjectionAppeal(reason.Trim(), now, calendar.AddWorkingDays(Wita.DateOf(now), ObjectionAppeal.WorkingDaysToAnswer));
    }
}

/// <summary>
/// An owner's appeal (banding) to the mayor against an objection's answer that the refusal stands (UU 30/2014 Pasal
/// 78): sent within 10 working days of that answer, answered in writing by the mayor's office within 10 working days
/// (past them the law deems it granted, Pasal 78 ayat 5). Its answer, like the officer's, changes no decision: the
/// refusal stands, or the mayor's office finds it rested on a mistake the licensing office must correct, and the
/// application sent again is decided by the engine on the corrected rules. What remains after is the administrative
/// court (PTUN, Pasal 76 ayat 3).
/// </summary>
public sealed class ObjectionAppeal
{
    public const int ReasonMinLength = Objection.ReasonMinLength;
    public const int ReasonMaxLength = Objection.ReasonMaxLength;

    /// <summary>Working days the mayor's office has to answer (UU 30/2014, Pasal 78 ayat 4).</summary>
    public const int WorkingDaysToAnswer = 10;

    /// <summary>Days after the appeal's answer in which the owner may go to the administrative court (Perma 6/2018 Pasal 5).</summary>
    public const int DaysToCourt = 90;

    internal ObjectionAppeal(string reason, DateTimeOffset filedAt, DateOnly answerDueOn)
    {
        Reason = reason;
        FiledAt = filedAt;
        AnswerDueOn = answerDueOn;
    }

    /// <summary>Why the owner thinks the answer is wrong, in their words.</summary>
    public string Reason { get; private set; }

    public DateTimeOffset FiledAt { get; private set; }

    /// <summary>The last working day (WITA) the mayor's office has to answer.</summary>
    public DateOnly AnswerDueOn { get; private set; }

    public ObjectionOutcome? Outcome { get; private set; }

    public string? Answer { get; private set; }

    /// <summary>The account of the mayor's office that answered.</summary>
    public Guid? AnsweredBy { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public bool IsAnswered => AnsweredAt is not null;

    /// <summary>Whether the answer came (or, unanswered, is) later than the law allows, as of <paramref name="today"/> (WITA).</summary>
    public bool IsLate(DateOnly today) => (AnsweredAt is { } at ? Wita.DateOf(at) : today) > AnswerDueOn;

    /// <summary>The mayor's office answers, once: the answer is a public act, kept as written.</summary>
    public void Respond(Guid answeredBy, ObjectionOutcome outcome, string answer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (IsAnswered)
        {
            throw new InvalidOperationException("An appeal is answered once.");
        }

        Outcome = outcome;
        Answer = answer.Trim();
        AnsweredBy = answeredBy;
        AnsweredAt = now;
    }
}
