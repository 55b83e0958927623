namespace LicensingPortal.Api.Domain;

/// <summary>What a question to the licensing office is about, chosen by the applicant so the officer reads it in context.</summary>
public enum QuestionTopic
{
    /// <summary>The account: signing in, the e-mail address, the password.</summary>
    Account,

    /// <summary>Registering a business or its details (the owner, the NIK, the address).</summary>
    Business,

    /// <summary>Filling in an application: the activity, the location, the size, the investment.</summary>
    Application,

    /// <summary>The documents to upload.</summary>
    Documents,

    /// <summary>A decision: why an application was refused, what to correct.</summary>
    Decision,

    /// <summary>A permit: printing, renewing, changing or closing.</summary>
    Permit,

    Other,
}

/// <summary>
/// A question an applicant asks the licensing office in writing, from their phone, and the answer an officer writes
/// back (ADR 0031). It is the counter's help without the counter: nobody meets, everything said is kept, and the
/// applicant reads the answer in the inbox and by e-mail. An officer answers once; a further question is a new one.
/// </summary>
public sealed class Question
{
    public const int TextMinLength = 10;
    public const int TextMaxLength = 2000;
    public const int AnswerMinLength = 10;
    /// <summary>
    /// An answer's longest: with the start of the question and the notice's own lines it stays within an inbox entry
    /// (4,000 characters), so the inbox never cuts the answer or the warning about money.
    /// </summary>
    public const int AnswerMaxLength = 3000;

    /// <summary>The office's service standard: answered by the end of the second working day after the day it was asked.</summary>
    public const int WorkingDaysToAnswer = 2;

    /// <summary>Questions one applicant may have waiting at once: a further one waits for an answer (a guard against a flood, not a rule of the office).</summary>
    public const int MaxWaiting = 5;

    private Question()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The applicant who asked.</summary>
    public Guid AskerId { get; private set; }

    public QuestionTopic Topic { get; private set; }

    /// <summary>The applicant's own application the question is about, when they asked from it; the officer opens it beside the question.</summary>
    public Guid? ApplicationId { get; private set; }

    /// <summary>The question, in the applicant's words.</summary>
    public string Text { get; private set; } = string.Empty;

    public DateTimeOffset AskedAt { get; private set; }

    /// <summary>The last working day (WITA) by which the office answers.</summary>
    public DateOnly AnswerDueOn { get; private set; }

    public string? Answer { get; private set; }

    public Guid? AnsweredBy { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public bool IsAnswered => AnsweredAt is not null;

    /// <summary>
    /// A question asked now (about <paramref name="applicationId"/>, which the caller has checked is the asker's); the
    /// office answers by the end of the second working day after today.
    /// </summary>
    public static Question Ask(Guid askerId, QuestionTopic topic, string text, DateTimeOffset now, WorkingCalendar calendar, Guid? applicationId = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(calendar);
        return new Question
        {
            Id = Guid.CreateVersion7(now),
            AskerId = askerId,
            Topic = topic,
            ApplicationId = applicationId,
            Text = text.Trim(),
            AskedAt = now,
            AnswerDueOn = calendar.AddWorkingDays(Wita.DateOf(now), WorkingDaysToAnswer),
        };
    }

    /// <summary>An officer answers, once; the answer is kept as written.</summary>
    public void Respond(Guid officerId, string answer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (IsAnswered)
        {
            throw new InvalidOperationException("A question is answered once.");
        }

        Answer = answer.Trim();
        AnsweredBy = officerId;
        AnsweredAt = now;
    }

    /// <summary>
    /// The first <paramref name="length"/> characters of <paramref name="text"/> at most, never cut inside a character
    /// (an emoji is two UTF-16 units, and half of one cannot be stored or shown).
    /// </summary>
    public static string StartOf(string text, int length)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= length ? text : text[..(char.IsHighSurrogate(text[length - 1]) ? length - 1 : length)];
    }

    /// <summary>Whether the answer came (or, unanswered, is) later than the office's standard, as of <paramref name="today"/> (WITA).</summary>
    public bool IsLate(DateOnly today) => (AnsweredAt is { } at ? Wita.DateOf(at) : today) > AnswerDueOn;
}
