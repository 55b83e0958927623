using LicensingPortal.Api.Infrastructure.Permits;
using LicensingPortal.Rules.Compilation;
using LicensingPortal.Rules.Model;

namespace LicensingPortal.Api.Shared;

/// <summary>A permit as its holder reads it: its title in the reader's language, its status today (and, when revoked, when and why), and its addresses.</summary>
public sealed record PermitResponse(
    string Number,
    string Type,
    string Title,
    Guid BusinessId,
    Guid ApplicationId,
    IReadOnlyList<string> Kbli,
    DateOnly IssuedOn,
    DateOnly? ValidUntil,
    PermitStatus Status,
    string VerificationUrl,
    string DocumentUrl,
    DateOnly? RevokedOn = null,
    string? RevocationReason = null)
{
    public static PermitResponse From(Permit permit, CompiledRuleSet? ruleSet, Language language, DateOnly today, PermitLinks links)
    {
        ArgumentNullException.ThrowIfNull(permit);
        ArgumentNullException.ThrowIfNull(links);
        return new PermitResponse(
            permit.Number,
            permit.Type,
            TitleOf(permit.Type, ruleSet, language),
            permit.BusinessId,
            permit.ApplicationId,
            permit.KbliCodes,
            permit.IssuedOn,
            permit.ValidUntil,
            permit.StatusOn(today),
            links.Verification(permit),
            links.Document(permit),
            permit.RevokedAt is { } revoked ? Wita.DateOf(revoked) : null,
            permit.RevocationReason);
    }

    /// <summary>The permit type's title in a rule set, or its code when the rule set does not name it.</summary>
    public static string TitleOf(string type, CompiledRuleSet? ruleSet, Language language) =>
        ruleSet is not null && ruleSet.Definition.PermitTypes.TryGetValue(type, out var definition) ? definition.Title.In(language) : type;
}
