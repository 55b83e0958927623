namespace LicensingPortal.Api.Domain;

/// <summary>
/// One notification to deliver on one channel, written in the same transaction as the change that causes it,
/// so it survives a crash between commit and delivery. Its id is the stable identity every delivery attempt
/// carries (the e-mail Message-ID, the webhook id header), so receivers can drop repeats.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage()
    {
    }

    public Guid Id { get; private set; }

    public string Type { get; private set; } = string.Empty;

    public string Channel { get; private set; } = NotificationChannels.Email;

    /// <summary>The application, permit or account the notification is about.</summary>
    public Guid SubjectId { get; private set; }

    /// <summary>The account to notify, whose preferences and language apply.</summary>
    public Guid? RecipientId { get; private set; }

    /// <summary>What the message needs beyond its subject (e.g. links computed when it was raised), as JSON.</summary>
    public string? Payload { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ProcessedAt { get; private set; }

    /// <summary>Set while one worker holds the message, so two workers never deliver it at once.</summary>
    public DateTimeOffset? LockedUntil { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset? NextAttemptAt { get; private set; }

    /// <summary>Set when the last attempt failed: the message waits for an officer to send it again.</summary>
    public DateTimeOffset? DeadLetteredAt { get; private set; }

    public string? LastError { get; private set; }

    public static OutboxMessage Raise(NoticeKind kind, string channel, Guid subjectId, Guid? recipientId, string? payload, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Type = kind.Type,
        Channel = channel,
        SubjectId = subjectId,
        RecipientId = recipientId,
        Payload = payload,
        CreatedAt = now,
    };

    public void MarkDelivered(DateTimeOffset now)
    {
        Attempts++;
        ProcessedAt = now;
        LockedUntil = null;
        NextAttemptAt = null;
        LastError = null;
    }

    /// <summary>Records a failed attempt: retried at <paramref name="retryAt"/>, or dead-lettered when that is null.</summary>
    public void MarkFailed(string error, DateTimeOffset now, DateTimeOffset? retryAt)
    {
        ArgumentNullException.ThrowIfNull(error);
        Attempts++;
        LockedUntil = null;
        LastError = error.Length > 2000 ? error[..2000] : error;
        NextAttemptAt = retryAt;
        DeadLetteredAt = retryAt is null ? now : null;
    }

    /// <summary>An officer sends a dead-lettered message again: it gets a fresh series of attempts, with the same id.</summary>
    public void Resend()
    {
        if (DeadLetteredAt is null)
        {
            throw new InvalidOperationException("Only a dead-lettered notification can be sent again.");
        }

        DeadLetteredAt = null;
        NextAttemptAt = null;
        Attempts = 0;
    }
}

public static class NotificationChannels
{
    public const string Email = "email";
    public const string Webhook = "webhook";
}

/// <summary>Who composes a kind of notice's e-mail.</summary>
public enum NoticeMail
{
    /// <summary>No e-mail: the notice is for the inbox only.</summary>
    None,
    Decision,
    Account,
    Permit,

    /// <summary>An objection or its appeal to the mayor, received or answered (<see cref="ObjectionPayload"/>).</summary>
    Objection,

    /// <summary>The officers' morning reminder of objections near or past their last day, and the mayor's office's of appeals (<see cref="ObjectionsDuePayload"/>).</summary>
    ObjectionsDue,

    /// <summary>The answer to an applicant's question (<see cref="QuestionPayload"/>).</summary>
    Question,

    /// <summary>A business closed from its owner's account (<see cref="BusinessClosedPayload"/>), or its e-mail address changed (<see cref="BusinessEmailChangedPayload"/>).</summary>
    Business,

    /// <summary>An inspector's visit booked, or its result recorded (<see cref="InspectionPayload"/>).</summary>
    Inspection,
}

/// <summary>What a kind of notice is about, so a page can link to it.</summary>
public enum NoticeSubject
{
    Application,
    Permit,
    Account,

    /// <summary>A report of a demand for money, which its reporter reads at /lapor.</summary>
    LevyReport,

    /// <summary>The objection to an application's refusal (the subject is the application), read on its own page.</summary>
    Objection,

    /// <summary>An applicant's question to the office (the subject is the question), read on the questions' page.</summary>
    Question,

    /// <summary>A business of the owner's (closed), read on its own page.</summary>
    Business,
}

/// <summary>
/// The kinds of notice, each defined once: the type stored on its outbox and inbox rows (and sent in webhooks), what
/// it is about, who composes its e-mail and the resource texts it is told with (<c>Notice.{Texts}.Title</c> and
/// <c>.Body</c>). Adding a kind is adding a line here; the delivery, the webhook payload and the inbox read it.
/// </summary>
public sealed record NoticeKind(string Type, NoticeSubject Subject, NoticeMail Mail, string Texts)
{
    public static readonly NoticeKind ApplicationReceived = new("application-received", NoticeSubject.Application, NoticeMail.None, "Received");
    public static readonly NoticeKind DecisionMade = new("decision-made", NoticeSubject.Application, NoticeMail.Decision, "Decided");
    public static readonly NoticeKind PermitExpiring = new("permit-expiring", NoticeSubject.Permit, NoticeMail.Permit, "Expiring") { AlwaysByEmail = true };
    public static readonly NoticeKind PermitExpired = new("permit-expired", NoticeSubject.Permit, NoticeMail.Permit, "Expired") { AlwaysByEmail = true };
    public static readonly NoticeKind PermitRevoked = new("permit-revoked", NoticeSubject.Permit, NoticeMail.Permit, "Revoked") { AlwaysByEmail = true };
    public static readonly NoticeKind EmailConfirmation = new("email-confirmation", NoticeSubject.Account, NoticeMail.Account, "EmailConfirmation");

    /// <summary>The inspectorate answered a report of a demand for money: in the inbox only, since an e-mail or webhook about it may be read by others.</summary>
    public static readonly NoticeKind LevyReportAnswered = new("levy-report-answered", NoticeSubject.LevyReport, NoticeMail.None, "LevyAnswered");

    /// <summary>The owner's objection came in: their proof of the day they sent it (the answer's ten working days run from it), by inbox, e-mail and webhook.</summary>
    public static readonly NoticeKind ObjectionReceived = new("objection-received", NoticeSubject.Objection, NoticeMail.Objection, "ObjectionReceived");

    /// <summary>A licensing officer answered the owner's objection to a refusal: inbox, e-mail and webhook, as the decision was told.</summary>
    public static readonly NoticeKind ObjectionAnswered = new("objection-answered", NoticeSubject.Objection, NoticeMail.Objection, "ObjectionAnswered");

    /// <summary>The owner's appeal to the mayor came in: their proof of the day (the mayor's office's ten working days run from it), by inbox, e-mail and webhook.</summary>
    public static readonly NoticeKind AppealReceived = new("appeal-received", NoticeSubject.Objection, NoticeMail.Objection, "AppealReceived");

    /// <summary>The mayor's office answered the owner's appeal: inbox, e-mail and webhook.</summary>
    public static readonly NoticeKind AppealAnswered = new("appeal-answered", NoticeSubject.Objection, NoticeMail.Objection, "AppealAnswered");

    /// <summary>To each licensing officer, by e-mail only: objections whose last day to answer is today, the next working day or past.</summary>
    public static readonly NoticeKind ObjectionsDue = new("objections-due", NoticeSubject.Account, NoticeMail.ObjectionsDue, "ObjectionsDue");

    /// <summary>To each account of the mayor's office, by e-mail only: appeals whose last day to answer is today, the next working day or past.</summary>
    public static readonly NoticeKind AppealsDue = new("appeals-due", NoticeSubject.Account, NoticeMail.ObjectionsDue, "AppealsDue");

    /// <summary>A licensing officer answered an applicant's question: inbox, e-mail and webhook.</summary>
    public static readonly NoticeKind QuestionAnswered = new("question-answered", NoticeSubject.Question, NoticeMail.Question, "QuestionAnswered");

    /// <summary>
    /// The owner closed a business: inbox, e-mail and webhook, the owner's record of the day its NIB and permits ended,
    /// and the warning when it was not them.
    /// </summary>
    public static readonly NoticeKind BusinessClosed = new("business-closed", NoticeSubject.Business, NoticeMail.Business, "BusinessClosed") { AlwaysByEmail = true };

    /// <summary>
    /// A business's e-mail address changed: by e-mail to the address it had (even with e-mails off: the permits' notices
    /// no longer go there), inbox and webhook, so an owner whose account someone else uses hears of it.
    /// </summary>
    public static readonly NoticeKind BusinessEmailChanged = new("business-email-changed", NoticeSubject.Business, NoticeMail.Business, "BusinessEmailChanged") { AlwaysByEmail = true };

    /// <summary>
    /// A visit to the business booked (who comes, from which office, on which days) or booked again in place of one
    /// waiting: inbox, e-mail (even with e-mails off: the owner has to be there, and to know who to let in) and webhook.
    /// </summary>
    public static readonly NoticeKind InspectionBooked = new("inspection-booked", NoticeSubject.Permit, NoticeMail.Inspection, "InspectionBooked") { AlwaysByEmail = true };

    /// <summary>The visit's result recorded: met (the business may operate) or not met (what to fix): inbox, e-mail, webhook.</summary>
    public static readonly NoticeKind InspectionRecorded = new("inspection-recorded", NoticeSubject.Permit, NoticeMail.Inspection, "InspectionRecorded") { AlwaysByEmail = true };

    /// <summary>
    /// A visit waiting was called off because its permit ended (revoked, closed with the business, replaced or dropped
    /// by a change): nobody comes for it. Inbox, e-mail even with e-mails off, webhook.
    /// </summary>
    public static readonly NoticeKind InspectionCalledOff = new("inspection-called-off", NoticeSubject.Permit, NoticeMail.Inspection, "InspectionCalledOff") { AlwaysByEmail = true };

    /// <summary>
    /// Sent by e-mail even to an owner who chose no e-mails: that a permit ends, ended or was revoked (a business run
    /// without one is fined, and the first to tell may be an inspector asking for money), and that a business was
    /// closed (the warning when it was not them). The choice turns off the rest; the inbox has everything.
    /// </summary>
    public bool AlwaysByEmail { get; init; }

    public static IReadOnlyList<NoticeKind> All { get; } = [ApplicationReceived, DecisionMade, PermitExpiring, PermitExpired, PermitRevoked, EmailConfirmation, LevyReportAnswered, ObjectionReceived, ObjectionAnswered, AppealReceived, AppealAnswered, ObjectionsDue, AppealsDue, QuestionAnswered, BusinessClosed, BusinessEmailChanged, InspectionBooked, InspectionRecorded, InspectionCalledOff];

    /// <summary>The kind stored as <paramref name="type"/>.</summary>
    public static NoticeKind Of(string type) =>
        All.FirstOrDefault(kind => kind.Type == type) ?? throw new InvalidOperationException($"No notice kind '{type}'.");
}
