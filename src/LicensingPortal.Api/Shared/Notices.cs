using System.Globalization;

namespace LicensingPortal.Api.Shared;

/// <summary>The texts of notices in the inbox (and of the permit notices' e-mails), in both languages, from the resource files.</summary>
public static partial class Notices
{
    /// <summary>
    /// The title of an application's notice (<paramref name="outcome"/>: Received, Approved, Rejected) for its kind: a
    /// renewal and a change say so, so that the inbox and the mail of one business's applications are told apart.
    /// </summary>
    public static string TitleKey(string outcome, ApplicationKind kind) =>
        kind == ApplicationKind.New ? $"Notice.{outcome}.Title" : $"Notice.{outcome}.Title.{kind}";

    public static NoticeText Received(PermitApplication application, Business business)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(business);
        var received = application.SubmittedAt.ToOffset(Wita.Offset);
        string Body(CultureInfo culture, string format) => In(culture, "Notice.Received.Body", business.Name, received.ToString(format, culture));
        return new NoticeText(
            In(Cultures.Indonesian, TitleKey("Received", application.Kind), business.Name),
            In(Cultures.English, TitleKey("Received", application.Kind), business.Name),
            Body(Cultures.Indonesian, "d MMMM yyyy, HH.mm 'WITA'"),
            Body(Cultures.English, "d MMMM yyyy, HH:mm 'WITA'"));
    }

    public static NoticeText Decided(PermitApplication application, Business business, DecisionExplanation indonesian, DecisionExplanation english, IReadOnlyCollection<string> issuedTypes)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(business);
        ArgumentNullException.ThrowIfNull(indonesian);
        ArgumentNullException.ThrowIfNull(english);
        ArgumentNullException.ThrowIfNull(issuedTypes);
        if (indonesian.Approved)
        {
            // The permits this decision issued (a renewal or a change issues only some, or none), as the e-mail lists them.
            string Approved(CultureInfo culture, DecisionExplanation decision) =>
                decision.RequiredPermits.Where(p => issuedTypes.Contains(p.Type)).Select(p => p.Title).ToList() is { Count: > 0 } titles
                    ? In(culture, "Notice.Approved.Body", string.Join(", ", titles))
                    : In(culture, application.Kind == ApplicationKind.Change ? "Change.NoNewPermits" : "Decision.NoNewPermits");
            return new NoticeText(
                In(Cultures.Indonesian, TitleKey("Approved", application.Kind), business.Name),
                In(Cultures.English, TitleKey("Approved", application.Kind), business.Name),
                Approved(Cultures.Indonesian, indonesian),
                Approved(Cultures.English, english));
        }

        return new NoticeText(
            In(Cultures.Indonesian, TitleKey("Rejected", application.Kind), business.Name),
            In(Cultures.English, TitleKey("Rejected", application.Kind), business.Name),
            Refused(Cultures.Indonesian, indonesian),
            Refused(Cultures.English, english));
    }

    /// <summary>A refusal as a numbered list, one line a failed requirement (what is wrong, then what to do), and where to fix it.</summary>
    private static string Refused(CultureInfo culture, DecisionExplanation decision) =>
        string.Join(
            '\n',
            [
                In(culture, "Notice.Rejected.Intro", decision.FailedRequirements.Count),
                .. decision.FailedRequirements.Select((f, i) => $"{i + 1}. {f.Message} {f.Remedy}"),
                string.Empty,
                In(culture, "Notice.Rejected.Next"),
            ]);

    /// <summary>The inspectorate's answer to a report of a demand for money: where the report stands, and the answer itself.</summary>
    public static NoticeText LevyReportAnswered(LevyReportStatus status, string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var key = status == LevyReportStatus.Closed ? "Notice.LevyAnswered.Closed" : "Notice.LevyAnswered.InProgress";
        return new NoticeText(
            In(Cultures.Indonesian, key + ".Title"),
            In(Cultures.English, key + ".Title"),
            In(Cultures.Indonesian, key) + "\n\n" + message,
            In(Cultures.English, key) + "\n\n" + message);
    }

    /// <summary>The owner's objection came in: when, and by when it is answered.</summary>
    public static NoticeText ObjectionReceived(Objection objection, string businessName)
    {
        ArgumentNullException.ThrowIfNull(objection);
        string Body(CultureInfo culture) =>
            In(culture, "Notice.ObjectionReceived.Body", ApplicationReference.Of(objection.ApplicationId), Cultures.WitaIn(culture, objection.FiledAt), objection.AnswerDueOn.ToString("d MMMM yyyy", culture));
        return new NoticeText(
            In(Cultures.Indonesian, "Notice.ObjectionReceived.Title", businessName),
            In(Cultures.English, "Notice.ObjectionReceived.Title", businessName),
            Body(Cultures.Indonesian),
            Body(Cultures.English));
    }

    /// <summary>An officer's answer to the owner's objection: whether the refusal stands, the answer itself, and what to do next.</summary>
    public static NoticeText ObjectionAnswered(Objection objection, string businessName, DateOnly? appealBy)
    {
        ArgumentNullException.ThrowIfNull(objection);
        var outcome = $"Notice.ObjectionAnswered.{objection.Outcome}";
        // When the refusal stands, the owner who still disagrees reads the next step there is, and its last day: an
        // appeal to the mayor (the objection's page says how), not the counter.
        string Appeal(CultureInfo culture) => appealBy is { } last
            ? "\n\n" + In(culture, "Objection.Appeal", last.ToString("d MMMM yyyy", culture)) + " " + In(culture, "Notice.ObjectionAnswered.Stands.Appeal")
            : string.Empty;
        string Body(CultureInfo culture) => In(culture, outcome) + "\n\n" + objection.Answer + "\n\n" + In(culture, outcome + ".Next") + Appeal(culture);
        return new NoticeText(
            In(Cultures.Indonesian, outcome + ".Title", businessName),
            In(Cultures.English, outcome + ".Title", businessName),
            Body(Cultures.Indonesian),
            Body(Cultures.English));
    }

    /// <summary>The owner's appeal to the mayor came in: when, and by when the mayor's office answers.</summary>
    public static NoticeText AppealReceived(Objection objection, string businessName)
    {
        ArgumentNullException.ThrowIfNull(objection);
        var appeal = objection.Appeal ?? throw new InvalidOperationException("The objection was not appealed.");
        string Body(CultureInfo culture) =>
            In(culture, "Notice.AppealReceived.Body", ApplicationReference.Of(objection.ApplicationId), Cultures.WitaIn(culture, appeal.FiledAt), appeal.AnswerDueOn.ToString("d MMMM yyyy", culture));
        return new NoticeText(
            In(Cultures.Indonesian, "Notice.AppealReceived.Title", businessName),
            In(Cultures.English, "Notice.AppealReceived.Title", businessName),
            Body(Cultures.Indonesian),
            Body(Cultures.English));
    }

    /// <summary>
    /// The mayor's office's answer to the owner's appeal: whether the refusal stands, the answer itself, and what there is
    /// to do next (send again once corrected; when it stands, the administrative court, or correcting and sending again).
    /// </summary>
    public static NoticeText AppealAnswered(Objection objection, string businessName)
    {
        ArgumentNullException.ThrowIfNull(objection);
        var appeal = objection.Appeal ?? throw new InvalidOperationException("The objection was not appealed.");
        var outcome = $"Notice.AppealAnswered.{appeal.Outcome}";
        string Body(CultureInfo culture) => In(culture, outcome) + "\n\n" + appeal.Answer + "\n\n" + In(culture, outcome + ".Next", ObjectionAppeal.DaysToCourt, In(culture, "Objection.SendAgain.Upheld"));
        return new NoticeText(
            In(Cultures.Indonesian, outcome + ".Title", businessName),
            In(Cultures.English, outcome + ".Title", businessName),
            Body(Cultures.Indonesian),
            Body(Cultures.English));
    }

    /// <summary>
    /// An officer's answer to an applicant's question: the start of the question as sent (a NIK in it masked: the notice
    /// goes by e-mail and webhook), the answer, and that nobody may ask for money. Within an inbox entry's 4,000
    /// characters (<see cref="Question.AnswerMaxLength"/>).
    /// </summary>
    public static NoticeText QuestionAnswered(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        string Body(CultureInfo culture) =>
            In(culture, "Notice.QuestionAnswered.Asked", Cultures.WitaIn(culture, question.AskedAt)) + "\n" + QuestionExcerpt(question.Text)
            + "\n\n" + In(culture, "Notice.QuestionAnswered.Answer") + "\n" + question.Answer
            + "\n\n" + In(culture, "Notice.QuestionAnswered.Free");
        return new NoticeText(
            In(Cultures.Indonesian, "Notice.QuestionAnswered.Title"),
            In(Cultures.English, "Notice.QuestionAnswered.Title"),
            Body(Cultures.Indonesian),
            Body(Cultures.English));
    }

    /// <summary>How much of a question a notice quotes.</summary>
    public const int QuestionQuoted = 300;

    /// <summary>
    /// The start of a question as a notice quotes it, a NIK in it masked (16 digits, written together or in groups as
    /// on a KTP: "5371 0412 0385 0001"), never cut inside a character (an emoji is two UTF-16 units, and half of one
    /// cannot be stored).
    /// </summary>
    public static string QuestionExcerpt(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var masked = SixteenDigits().Replace(text, m => Rules.Facts.FactDefinition.Mask(m.Value));
        return masked.Length <= QuestionQuoted ? masked : Question.StartOf(masked, QuestionQuoted) + "…";
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<!\d)(?:\d[ .-]?){15}\d(?!\d)")]
    private static partial System.Text.RegularExpressions.Regex SixteenDigits();

    private static string In(CultureInfo culture, string key, params object?[] arguments) =>
        string.Format(culture, Texts.In(culture, key) ?? key, arguments);

    /// <summary>An address as told to another mailbox: its first two letters and its domain ("yo•••@gmail.com").</summary>
    public static string MaskedEmail(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var at = address.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? "•••" : $"{address[..Math.Min(2, at)]}•••{address[at..]}";
    }

    /// <summary>
    /// A business's e-mail address changed: told to the address it had (where the permits' notices went until now), with
    /// the new one masked, so that one who did not change it (a broker in the account) hears of it there.
    /// </summary>
    public static NoticeText BusinessEmailChanged(BusinessEmailChangedPayload changed)
    {
        ArgumentNullException.ThrowIfNull(changed);
        string Body(CultureInfo culture) => In(culture, "Notice.BusinessEmailChanged.Body", changed.BusinessName, MaskedEmail(changed.NewEmail), Cultures.WitaIn(culture, changed.ChangedAt), MaskedEmail(changed.OldEmail));
        return new NoticeText(
            In(Cultures.Indonesian, "Notice.BusinessEmailChanged.Title", changed.BusinessName),
            In(Cultures.English, "Notice.BusinessEmailChanged.Title", changed.BusinessName),
            Body(Cultures.Indonesian),
            Body(Cultures.English));
    }

    /// <summary>
    /// A business closed from the owner's account: when (in WITA), that its NIB and permits ended that day, to keep the
    /// notice as the record of the day, and what to do at once when it was not them.
    /// </summary>
    public static NoticeText BusinessClosed(string businessName, DateTimeOffset closedAt)
    {
        string Body(CultureInfo culture) => In(culture, "Notice.BusinessClosed.Body", businessName, Cultures.WitaIn(culture, closedAt));
        return new NoticeText(
            In(Cultures.Indonesian, "Notice.BusinessClosed.Title", businessName),
            In(Cultures.English, "Notice.BusinessClosed.Title", businessName),
            Body(Cultures.Indonesian),
            Body(Cultures.English));
    }

    /// <summary>
    /// An inspector's visit booked: which office, for which permit, between which days, who (name and NIP, to compare
    /// with the ID card at the door), that it costs nothing, and what to do when someone else comes or money is asked.
    /// </summary>
    public static NoticeText InspectionBooked(InspectionPayload visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        string Title(CultureInfo culture) => In(culture, "Notice.InspectionBooked.Title", visit.BusinessName, Days(culture, visit.From, visit.To));
        string Body(CultureInfo culture) =>
            (visit.ReplacesAnother ? In(culture, "Notice.InspectionBooked.Replaces") + " " : string.Empty)
            + In(culture, "Notice.InspectionBooked.Body", visit.Agency, visit.BusinessName, PermitTitle(culture, visit.PermitType), visit.PermitNumber, Days(culture, visit.From, visit.To), visit.InspectorName, InspectionVisit.NipShown(visit.InspectorNip));
        return new NoticeText(Title(Cultures.Indonesian), Title(Cultures.English), Body(Cultures.Indonesian), Body(Cultures.English));
    }

    /// <summary>An inspector's visit recorded: the standard met (and, for a verified Standard Certificate, that the business may now operate), or not met with the findings and the way on.</summary>
    public static NoticeText InspectionRecorded(InspectionPayload visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        var met = visit.Outcome == InspectionOutcome.Met;
        var kind = met ? "Met" : "NotMet";
        string Title(CultureInfo culture) => In(culture, $"Notice.InspectionRecorded.{kind}.Title", visit.BusinessName);
        string Body(CultureInfo culture)
        {
            var body = In(culture, $"Notice.InspectionRecorded.{kind}.Body", visit.Agency, visit.BusinessName, PermitTitle(culture, visit.PermitType), visit.PermitNumber, visit.VisitedOn?.ToString("d MMMM yyyy", culture) ?? "-");
            if (InspectionVisit.BeforeOperating.Contains(visit.PermitType))
            {
                body += " " + In(culture, met ? "Notice.InspectionRecorded.MayOperate" : "Notice.InspectionRecorded.NotYet");
            }

            return visit.Findings is { Length: > 0 } findings ? $"{body}\n\n{In(culture, "Notice.InspectionRecorded.Findings")}\n{findings}" : body;
        }

        return new NoticeText(Title(Cultures.Indonesian), Title(Cultures.English), Body(Cultures.Indonesian), Body(Cultures.English));
    }

    /// <summary>
    /// A visit waiting called off because its permit ended: from now on nobody comes for that permit, so anyone who says
    /// so is not from the office; when a change issued another permit in its place, that it is visited in its turn and
    /// the owner told first who comes and when.
    /// </summary>
    public static NoticeText InspectionCalledOff(InspectionPayload visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        string Title(CultureInfo culture) => In(culture, "Notice.InspectionCalledOff.Title", visit.BusinessName);
        string Body(CultureInfo culture) =>
            In(culture, "Notice.InspectionCalledOff.Body", visit.Agency, visit.BusinessName, PermitTitle(culture, visit.PermitType), visit.PermitNumber, Days(culture, visit.From, visit.To))
            + (visit.ReplacedByNumber is { } next ? " " + In(culture, "Notice.InspectionCalledOff.NewPermit", next) : string.Empty);
        return new NoticeText(Title(Cultures.Indonesian), Title(Cultures.English), Body(Cultures.Indonesian), Body(Cultures.English));
    }

    /// <summary>A span of days as a person says it ("10 Desember 2026 sampai 14 Desember 2026"), or the one day with its weekday.</summary>
    public static string Days(CultureInfo culture, DateOnly from, DateOnly to) =>
        from == to ? from.ToString("dddd, d MMMM yyyy", culture)
        : In(culture, "Notice.Days", from.ToString("d MMMM yyyy", culture), to.ToString("d MMMM yyyy", culture));

    private static string PermitTitle(CultureInfo culture, string type) => Texts.In(culture, $"PermitTitle.{type}") ?? type;

    /// <summary>
    /// The way on from a notice about a permit, as the permit stands on the day it is read: renew it (reminded, and
    /// renewal open), apply again from its answers (ended, not renewed), write to the office (revoked), or none (renewed
    /// meanwhile, closed, replaced). The e-mail and the inbox both follow it.
    /// </summary>
    public static PermitStep StepFrom(NoticeKind notice, RenewalState state) =>
        notice == NoticeKind.PermitRevoked ? PermitStep.Ask
        : notice == NoticeKind.PermitExpiring && state == RenewalState.Open ? PermitStep.Renew
        : notice == NoticeKind.PermitExpired && state == RenewalState.Ended ? PermitStep.ApplyAgain
        : PermitStep.None;

    /// <summary>A notice about a permit (expiring in N days, expired, revoked), in both languages, from the resource files.</summary>
    public static NoticeText Permit(NoticeKind notice, PermitPayload permit, string businessName)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(permit);
        var kind = notice.Texts;
        string Title(CultureInfo culture) => Texts.In(culture, $"PermitTitle.{permit.Type}") ?? permit.Type;
        string Until(CultureInfo culture) => permit.ValidUntil?.ToString("d MMMM yyyy", culture) ?? "-";
        // The officer's reason is a sentence the notice goes on after: it ends with a full stop even when typed without.
        var reason = permit.Reason?.Trim() is { Length: > 0 } typed && !".!?".Contains(typed[^1], StringComparison.Ordinal) ? typed + "." : permit.Reason;
        string Body(CultureInfo culture) => In(culture, $"Notice.{kind}.Body", Title(culture), businessName, permit.Number, kind == "Revoked" ? reason : Until(culture));
        return new NoticeText(
            In(Cultures.Indonesian, $"Notice.{kind}.Title", permit.Number, permit.DaysLeft, Title(Cultures.Indonesian), businessName),
            In(Cultures.English, $"Notice.{kind}.Title", permit.Number, permit.DaysLeft, Title(Cultures.English), businessName),
            Body(Cultures.Indonesian),
            Body(Cultures.English));
    }
}

/// <summary>The way on from a notice about a permit (<see cref="Notices.StepFrom"/>).</summary>
public enum PermitStep
{
    None,
    Renew,
    ApplyAgain,
    Ask,
}
