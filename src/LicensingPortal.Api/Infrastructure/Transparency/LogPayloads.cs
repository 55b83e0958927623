using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using LicensingPortal.Api.Domain;

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
        return Sha256($"{decision.ApplicationId:N}|{Sha256(decision.FactsJson)}");
    }

    public static string ForDecision(Decision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return Sha256(string.Join(
            '|',
            decision.ApplicationId.ToString("N"),
            decision.Approved ? "approved" : "rejected",
            decision.RuleSetHash,
            string.Join(',', decision.FailedRequirementIds.Order(StringComparer.Ordinal)),
            string.Join(',', decision.RequiredPermits.Order(StringComparer.Ordinal)),
            Sha256(decision.TraceJson)));
    }

    public static string ForPermit(Permit permit)
    {
        ArgumentNullException.ThrowIfNull(permit);
        return Sha256(string.Join(
            '|',
            permit.Number,
            permit.Type,
            permit.BusinessId.ToString("N"),
            permit.ApplicationId.ToString("N"),
            permit.IssuedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            permit.ValidUntil?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-",
            permit.VerificationCode));
    }

    public static string ForRevocation(Permit permit)
    {
        ArgumentNullException.ThrowIfNull(permit);
        return Sha256($"{permit.Number}|{permit.RevocationReason}|{permit.RevokedAt?.ToUnixTimeMilliseconds()}");
    }

    public static string ForNote(DecisionNote note)
    {
        ArgumentNullException.ThrowIfNull(note);
        return Sha256($"{note.ApplicationId:N}|{note.AuthorId:N}|{note.Text}");
    }

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
