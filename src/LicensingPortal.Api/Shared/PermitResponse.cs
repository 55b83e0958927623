using LicensingPortal.Api.Infrastructure.Permits;
using LicensingPortal.Rules.Compilation;
using LicensingPortal.Rules.Model;

namespace LicensingPortal.Api.Shared;

/// <summary>
/// A permit as its holder reads it: its title in the reader's language, its status today (and, when revoked, when
/// and why), its addresses, and its renewal: whether it can be renewed today (and from when), the permit it renews
/// and the one that renewed it; for a permit that ended, the permit in force its owner got by applying again.
/// </summary>
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
    string? RevocationReason = null,
    DateOnly? ValidFrom = null,
    RenewalState Renewal = RenewalState.NotRenewable,
    DateOnly? RenewalOpensOn = null,
    string? Renews = null,
    string? RenewedBy = null,
    DateOnly? ClosedOn = null,
    bool StartsLater = false,
    DateOnly? ReplacedOn = null,
    string? ReplacedBy = null,
    string? AppliedAgainAs = null)
{
    /// <summary>
    /// The permit read on <paramref name="today"/>; <paramref name="linked"/> gives the numbers of the permits it renews
    /// or is renewed by, <paramref name="appliedAgainAs"/> the number of the permit that took over after it ended.
    /// </summary>
    public static PermitResponse From(Permit permit, CompiledRuleSet? ruleSet, Language language, DateOnly today, PermitLinks links, IReadOnlyDictionary<Guid, string>? linked = null, string? appliedAgainAs = null)
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
            permit.RevocationReason,
            permit.ValidFrom,
            permit.RenewalStateOn(today),
            permit.RenewalOpensOn,
            permit.RenewsPermitId is { } renews ? linked?.GetValueOrDefault(renews) : null,
            permit.RenewedByPermitId is { } renewedBy ? linked?.GetValueOrDefault(renewedBy) : null,
            permit.ClosedAt is { } closed ? Wita.DateOf(closed) : null,
            permit.StartsAfter(today),
            permit.ReplacedAt is { } replaced ? Wita.DateOf(replaced) : null,
            permit.ReplacedByPermitId is { } replacedBy ? linked?.GetValueOrDefault(replacedBy) : null,
            appliedAgainAs);
    }

    /// <summary>The numbers of the permits that <paramref name="permits"/> renew or are renewed or replaced by, by id.</summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> LinkedNumbersAsync(LicensingDbContext db, IEnumerable<Permit> permits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = permits.SelectMany(p => new[] { p.RenewsPermitId, p.RenewedByPermitId, p.ReplacedByPermitId }).OfType<Guid>().Distinct().ToList();
        return ids.Count == 0
            ? new Dictionary<Guid, string>()
            : await db.Permits.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Number, cancellationToken);
    }

    /// <summary>The permit type's title in a rule set, or its code when the rule set does not name it.</summary>
    public static string TitleOf(string type, CompiledRuleSet? ruleSet, Language language) =>
        ruleSet is not null && ruleSet.Definition.PermitTypes.TryGetValue(type, out var definition) ? definition.Title.In(language) : type;

    /// <summary>
    /// The premises a permit was issued for, as the public check and the printed permit name them: the application's
    /// address and its kelurahan by name ("Jl. Frans Seda No. 12, RT 005/RW 002, Kelurahan Fatululi").
    /// </summary>
    public static string PremisesOf(string address, string kelurahanCode, CompiledRuleSet? ruleSet) =>
        $"{address}, Kelurahan {(ruleSet is not null && ruleSet.Definition.Kelurahan.TryGetValue(kelurahanCode, out var area) ? area.Name : kelurahanCode)}";
}
