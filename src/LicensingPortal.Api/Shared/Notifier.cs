using System.Text.Json;

namespace LicensingPortal.Api.Shared;

/// <summary>The text of a notice in both languages: the inbox keeps both, the recipient's language picks the e-mail's.</summary>
public sealed record NoticeText(string TitleId, string TitleEn, string BodyId, string BodyEn);

/// <summary>
/// Raises a notification: an inbox entry, and an outbox row for each channel the recipient chose, all added to
/// the caller's unit of work so they commit with the change that causes them. After the commit the unit of work
/// hands the rows to the job queue; the sweep catches any that miss it.
/// </summary>
public sealed class Notifier(LicensingDbContext db, TimeProvider time)
{
    public async Task RaiseAsync(NoticeKind kind, Guid subjectId, Guid recipientId, NoticeText text, object? payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(text);
        // Found once per unit of work: a decision raises two notices to the same applicant.
        var recipient = await db.Users.FindAsync([recipientId], cancellationToken) ?? throw new InvalidOperationException($"No account {recipientId}.");
        var now = time.GetUtcNow();
        db.InboxNotifications.Add(InboxNotification.Create(recipientId, kind.Type, subjectId, text.TitleId, text.BodyId, text.TitleEn, text.BodyEn, now));
        if (kind.Mail == NoticeMail.None)
        {
            return;
        }

        var json = payload is null ? null : JsonSerializer.Serialize(payload, Json.Options);
        if (recipient.EmailNotifications || kind.AlwaysByEmail)
        {
            db.OutboxMessages.Add(OutboxMessage.Raise(kind, NotificationChannels.Email, subjectId, recipientId, json, now));
        }

        if (!string.IsNullOrEmpty(recipient.WebhookUrl))
        {
            db.OutboxMessages.Add(OutboxMessage.Raise(kind, NotificationChannels.Webhook, subjectId, recipientId, json, now));
        }
    }
}

/// <summary>What a decision notice carries beyond the stored decision: the permits with their public verification links.</summary>
public sealed record DecisionPayload(IReadOnlyList<IssuedPermit> Permits);

public sealed record IssuedPermit(string Type, string Number, string VerificationUrl, DateOnly? ValidUntil);

/// <summary>
/// What the notice of a business's changed e-mail address carries (and its webhook sends): the business, the address it
/// had (where the e-mail goes) and the new one, and when.
/// </summary>
public sealed record BusinessEmailChangedPayload(Guid BusinessId, string BusinessName, string OldEmail, string NewEmail, DateTimeOffset ChangedAt);

/// <summary>What the notice of a closed business carries (and its webhook sends): the business, when, and the permits that ended.</summary>
public sealed record BusinessClosedPayload(Guid BusinessId, string BusinessName, string? Nib, DateTimeOffset ClosedAt, IReadOnlyList<string> EndedPermits);

/// <summary>
/// What the notices of an inspector's visit carry (and their webhooks send): the permit and business, the office, the
/// inspector and the days; once recorded, the outcome, the day of the visit and the findings.
/// </summary>
public sealed record InspectionPayload(Guid VisitId, Guid PermitId, string PermitNumber, string PermitType, string BusinessName, string Agency, string InspectorName, string InspectorNip, DateOnly From, DateOnly To, InspectionOutcome? Outcome, DateOnly? VisitedOn, string? Findings, bool ReplacesAnother, DateTimeOffset? CalledOffAt = null, string? ReplacedByNumber = null)
{
    /// <summary>The visit as it stands; called off, with the number of the permit a change issued in its permit's place, if any.</summary>
    public static InspectionPayload Of(InspectionVisit visit, Permit permit, string businessName, bool replacesAnother = false, string? replacedByNumber = null)
    {
        ArgumentNullException.ThrowIfNull(visit);
        ArgumentNullException.ThrowIfNull(permit);
        return new(visit.Id, permit.Id, permit.Number, permit.Type, businessName, visit.Agency, visit.InspectorName, visit.InspectorNip, visit.FromDate, visit.ToDate, visit.Outcome, visit.VisitedOn, visit.Findings, replacesAnother, visit.CalledOffAt, replacedByNumber);
    }
}

/// <summary>What a permit notice carries: the permit, and the days left or the revocation reason.</summary>
public sealed record PermitPayload(string Number, string Type, DateOnly? ValidUntil, int? DaysLeft, string? Reason);

/// <summary>
/// What the notices of an objection carry (and their webhooks send): the application, the day the answer is due, once
/// answered the outcome and the answer, the appeal to the mayor once sent (with its own due day, outcome and answer),
/// and the address of the objection's page (taken when the notice is raised, from the request that raised it, so the
/// e-mail sent later by a job links where the owner came from).
/// </summary>
public sealed record ObjectionPayload(Guid ApplicationId, DateOnly AnswerDueOn, ObjectionOutcome? Outcome, string? Answer, DateTimeOffset? AnsweredAt, string Url, DateOnly? AppealBy = null, AppealPayload? Appeal = null)
{
    /// <summary>The objection as it stands; once answered that the refusal stands, with the last day to appeal, worked out once.</summary>
    public static ObjectionPayload Of(Objection objection, string url, DateOnly? appealBy = null)
    {
        ArgumentNullException.ThrowIfNull(objection);
        var appeal = objection.Appeal is { } sent ? new AppealPayload(sent.FiledAt, sent.AnswerDueOn, sent.Outcome, sent.Answer, sent.AnsweredAt) : null;
        return new(objection.ApplicationId, objection.AnswerDueOn, objection.Outcome, objection.Answer, objection.AnsweredAt, url, appealBy, appeal);
    }
}

/// <summary>An appeal to the mayor in an objection's notice: when it came, the day its answer is due, and once answered the outcome and the answer.</summary>
public sealed record AppealPayload(DateTimeOffset FiledAt, DateOnly AnswerDueOn, ObjectionOutcome? Outcome, string? Answer, DateTimeOffset? AnsweredAt);

/// <summary>
/// What the notice of an answered question carries (and its webhook sends): the question's id, topic and application,
/// the start of its words (a NIK in them masked), the answer and when it was given, and the address of the applicant's
/// questions' page (taken when the notice is raised).
/// </summary>
public sealed record QuestionPayload(Guid QuestionId, QuestionTopic Topic, Guid? ApplicationId, string Question, string? Answer, DateTimeOffset? AnsweredAt, string Url)
{
    public static QuestionPayload Of(Question question, string url)
    {
        ArgumentNullException.ThrowIfNull(question);
        return new(question.Id, question.Topic, question.ApplicationId, Notices.QuestionExcerpt(question.Text), question.Answer, question.AnsweredAt, url);
    }
}

/// <summary>
/// What the officers' morning reminder carries: the objections waiting whose last day to answer is near or past (up to
/// a number, the soonest first), how many there are and how many of them are late, the day it was written for, and
/// the address of the officers' list; and how many applicants' questions are due that day or late, with the address
/// of their list (none in a reminder written before questions were).
/// </summary>
public sealed record ObjectionsDuePayload(IReadOnlyList<ObjectionDue> Objections, int Count, int Late, DateOnly Day, string Url, int Questions = 0, int QuestionsLate = 0, string? QuestionsUrl = null);

/// <summary>One objection in the officers' reminder: its id (its page), the application's reference, the business, its last day, and whether that has passed.</summary>
public sealed record ObjectionDue(Guid Id, string Reference, string BusinessName, DateOnly AnswerDueOn, bool Late);

public enum AccountEmailKind
{
    ConfirmEmail,
    ResetPasswordLink,
    ResetPasswordCode,
    StaffInvitation,
    PasswordChanged,

    /// <summary>To the address asked for: the link that makes it the account's address.</summary>
    ChangeEmailLink,

    /// <summary>To the account's address: someone asked to change it (<see cref="AccountEmail.NewAddress"/>), and how to stop it.</summary>
    EmailChangeAsked,

    /// <summary>To the address an owner asking for their account back gave: the request arrived; the link that sends it on to the administrators.</summary>
    RecoveryReceived,

    /// <summary>To the account's address: someone asked for the account to go to <see cref="AccountEmail.NewAddress"/>, and how to stop it.</summary>
    RecoveryAsked,

    /// <summary>To the new address: the account is theirs again; the link sets a new password.</summary>
    RecoveryGranted,

    /// <summary>To the account's old address: it no longer signs in; the account went to <see cref="AccountEmail.NewAddress"/>.</summary>
    RecoveryDone,

    /// <summary>To the new address: not granted, and why (<see cref="AccountEmail.Reason"/>).</summary>
    RecoveryRefused,
}

/// <summary>The payload of an account e-mail: to whom, the link or code it carries, and the code again for those who type it (API clients).</summary>
/// <summary>
/// <see cref="Language"/> is the e-mail's language when no account is its subject (an owner asking for an account
/// that is not found); <see cref="Reason"/> an administrator's words, for a refusal.
/// </summary>
public sealed record AccountEmail(AccountEmailKind Kind, string Address, string LinkOrCode, string? Code = null, string? NewAddress = null, string? Language = null, string? Reason = null);
