using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LicensingPortal.Api.Infrastructure.Transparency;

/// <summary>
/// The canonical payload of each kind of log entry, computed from the stored records, so verification can
/// recompute it from the database and notice any record changed after it was logged.
/// </summary>
public static class LogPayloads
{
    public static string Submission(Decision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return Submission(decision.ApplicationId, Sha256(decision.FactsJson));
    }

    /// <summary>The submission payload from the SHA-256 of the facts as they were decided on.</summary>
    public static string Submission(Guid applicationId, string factsSha256) => Sha256($"{applicationId:N}|{factsSha256}");

    public static string ForDecision(Decision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return ForDecision(decision.ApplicationId, decision.Approved, decision.RuleSetHash, decision.FailedRequirementIds, decision.RequiredPermits, Sha256(decision.TraceJson));
    }

    /// <summary>The decision payload from its fields and the SHA-256 of its trace.</summary>
    public static string ForDecision(Guid applicationId, bool approved, string ruleSetHash, IEnumerable<string> failedRequirementIds, IEnumerable<string> requiredPermits, string traceSha256) =>
        Sha256(string.Join(
            '|',
            applicationId.ToString("N"),
            Outcomes.Of(approved),
            ruleSetHash,
            string.Join(',', failedRequirementIds.Order(StringComparer.Ordinal)),
            string.Join(',', requiredPermits.Order(StringComparer.Ordinal)),
            traceSha256));

    /// <summary>A permit as issued; a renewal adds the permit it renews and its first valid day, so the chain is in the log.</summary>
    public static string ForPermit(Permit permit)
    {
        ArgumentNullException.ThrowIfNull(permit);
        var issued = string.Join(
            '|',
            permit.Number,
            permit.Type,
            permit.BusinessId.ToString("N"),
            permit.ApplicationId.ToString("N"),
            permit.IssuedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            permit.ValidUntil?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-",
            permit.VerificationCode);
        return Sha256(permit.RenewsPermitId is { } renews
            ? $"{issued}|renews:{renews:N}|from:{permit.ValidFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"
            : issued);
    }

    public static string ForRevocation(Permit permit)
    {
        ArgumentNullException.ThrowIfNull(permit);
        return Sha256($"{permit.Number}|{permit.RevocationReason}|{permit.RevokedAt?.ToUnixTimeMilliseconds()}");
    }

    /// <summary>A permit an approved change ended: when, and the permit issued in its place (none when no longer needed).</summary>
    public static string ForReplacement(Permit permit)
    {
        ArgumentNullException.ThrowIfNull(permit);
        return Sha256($"{permit.Number}|{permit.ReplacedAt?.ToUnixTimeMilliseconds()}|{permit.ReplacedByPermitId?.ToString("N") ?? "-"}");
    }

    /// <summary>A business its owner closed: when, and the numbers of the permits that ended with it.</summary>
    public static string ForClosure(Business business, IEnumerable<Permit> ended)
    {
        ArgumentNullException.ThrowIfNull(business);
        return Sha256($"{business.Id:N}|{business.ClosedAt?.ToUnixTimeMilliseconds()}|{string.Join(',', ended.Select(p => p.Number).Order(StringComparer.Ordinal))}");
    }

    /// <summary>A change to a staff account: the account, what happened, its staff roles afterwards, when, and by whom.</summary>
    public static string ForStaffChange(StaffChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return Sha256($"{change.AccountId:N}|{StaffChangeKinds.Of(change.Kind)}|{change.Roles}|{change.At.ToUnixTimeMilliseconds()}|{change.By?.ToString("N") ?? "-"}");
    }

    /// <summary>
    /// An objection as filed: the application, the owner's words, the requirements contested, when, the day the answer
    /// is due, and the documents attached as evidence (after the due date, before the free text, so no reason can be
    /// read as one; written only when there are any, so entries made before objections had them still verify).
    /// </summary>
    public static string ForObjectionFiled(Objection objection)
    {
        ArgumentNullException.ThrowIfNull(objection);
        var documents = objection.DocumentIds.Count == 0 ? string.Empty : ";" + string.Join(',', objection.DocumentIds.Select(id => id.ToString("N")));
        return Sha256($"{objection.ApplicationId:N}|{objection.OwnerId:N}|{string.Join(',', objection.RequirementIds)}|{objection.FiledAt.ToUnixTimeMilliseconds()}|{objection.AnswerDueOn:yyyy-MM-dd}{documents}|{objection.Reason}");
    }

    /// <summary>An objection's answer: by whom, when, the outcome and the words.</summary>
    public static string ForObjectionAnswer(Objection objection)
    {
        ArgumentNullException.ThrowIfNull(objection);
        return Sha256($"{objection.ApplicationId:N}|{objection.AnsweredBy?.ToString("N") ?? "-"}|{objection.AnsweredAt?.ToUnixTimeMilliseconds()}|{objection.Outcome}|{objection.Answer}");
    }

    /// <summary>An appeal to the mayor as sent: the application, when, the day the answer is due, and the owner's words.</summary>
    public static string ForAppealFiled(Objection objection)
    {
        ArgumentNullException.ThrowIfNull(objection);
        var appeal = objection.Appeal ?? throw new InvalidOperationException("The objection was not appealed.");
        return Sha256($"{objection.ApplicationId:N}|{appeal.FiledAt.ToUnixTimeMilliseconds()}|{appeal.AnswerDueOn:yyyy-MM-dd}|{appeal.Reason}");
    }

    /// <summary>An appeal's answer: by whom, when, the outcome and the words.</summary>
    public static string ForAppealAnswer(Objection objection)
    {
        ArgumentNullException.ThrowIfNull(objection);
        var appeal = objection.Appeal ?? throw new InvalidOperationException("The objection was not appealed.");
        return Sha256($"{objection.ApplicationId:N}|{appeal.AnsweredBy?.ToString("N") ?? "-"}|{appeal.AnsweredAt?.ToUnixTimeMilliseconds()}|{appeal.Outcome}|{appeal.Answer}");
    }

    /// <summary>An inspector's visit as recorded: the permit, the office and inspector, the days booked, by whom and when recorded, the outcome, the day and the findings.</summary>
    public static string ForInspection(InspectionVisit visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        return Sha256($"{visit.PermitId:N}|{visit.Agency}|{visit.InspectorName}|{visit.InspectorNip}|{visit.FromDate:yyyy-MM-dd}|{visit.ToDate:yyyy-MM-dd}|{visit.RecordedBy?.ToString("N") ?? "-"}|{visit.RecordedAt?.ToUnixTimeMilliseconds()}|{visit.Outcome}|{visit.VisitedOn:yyyy-MM-dd}|{visit.Findings}");
    }

    public static string ForNote(DecisionNote note)
    {
        ArgumentNullException.ThrowIfNull(note);
        return Sha256($"{note.ApplicationId:N}|{note.AuthorId:N}|{note.Text}");
    }

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
