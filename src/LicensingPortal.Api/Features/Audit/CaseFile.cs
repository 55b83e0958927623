using LicensingPortal.Rules.Compilation;
using LicensingPortal.Rules.Facts;
using LicensingPortal.Rules.Model;

namespace LicensingPortal.Api.Features.Audit;

/// <summary>
/// Who applied and what they sent, as an officer auditing a decision sees it: the application's readable reference,
/// the business (name, NIB, kelurahan, the owner's NIK masked, never in full), the applicant's account, and the
/// documents the engine was given; and the permits the decision issued, each with its status today (an officer
/// auditing an approval reads whether what it issued is still in force, and what came after it).
/// </summary>
public sealed record CaseFile(
    string Reference,
    Guid BusinessId,
    string BusinessName,
    string? Nib,
    string? Kelurahan,
    string OwnerName,
    string? OwnerNik,
    string ApplicantEmail,
    IReadOnlyList<CaseFile.AttachedDocument> Documents)
{
    public sealed record AttachedDocument(Guid Id, string Kind, string FileName, long SizeBytes, DateTimeOffset UploadedAt);

    /// <summary>
    /// A permit the decision issued, as it stands today: its title, its status (in force only later, for a renewal waiting
    /// for the permit it renews to end), when it is valid, the day it ended (revoked, closed or replaced), and the numbers
    /// of the permit that renewed it and of the one that replaced it, if any.
    /// </summary>
    public sealed record IssuedPermit(string Number, string Type, string Title, PermitStatus Status, DateOnly ValidFrom, DateOnly? ValidUntil, DateOnly? EndedOn, string? RenewedBy, string? ReplacedBy, bool StartsLater = false);

    /// <summary>The permits the decision issued, by number (none for a refusal).</summary>
    public IReadOnlyList<IssuedPermit> Permits { get; init; } = [];

    public static async Task<CaseFile?> OfAsync(LicensingDbContext db, Guid applicationId, CompiledRuleSet? ruleSet, Language language, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var found = await (from application in db.Applications.AsNoTracking()
                           join business in db.Businesses.AsNoTracking() on application.BusinessId equals business.Id
                           join owner in db.Users.AsNoTracking() on business.OwnerId equals owner.Id
                           where application.Id == applicationId
                           select new { application.KelurahanCode, application.DocumentIds, business, owner.Email }).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var documents = await db.Documents.AsNoTracking().Where(d => found.DocumentIds.Contains(d.Id))
            .OrderBy(d => d.UploadedAt)
            .Select(d => new AttachedDocument(d.Id, d.Kind, d.FileName, d.SizeBytes, d.UploadedAt))
            .ToListAsync(cancellationToken);
        var issued = await db.Permits.AsNoTracking().Where(p => p.ApplicationId == applicationId).OrderBy(p => p.Number).ToListAsync(cancellationToken);
        var followers = await PermitResponse.LinkedNumbersAsync(db, issued, cancellationToken);
        var kelurahan = found.KelurahanCode is { } code && ruleSet?.Definition.Kelurahan.TryGetValue(code, out var area) == true ? area.Name : found.KelurahanCode;
        return new CaseFile(
            ApplicationReference.Of(applicationId),
            found.business.Id,
            found.business.Name,
            found.business.Nib,
            kelurahan,
            found.business.OwnerName,
            found.business.OwnerNik is { } nik ? FactDefinition.Mask(nik) : null,
            found.Email ?? "-",
            documents)
        {
            Permits = issued.Select(p => new IssuedPermit(
                p.Number,
                p.Type,
                PermitResponse.TitleOf(p.Type, ruleSet, language),
                p.StatusOn(today),
                p.ValidFrom,
                p.ValidUntil,
                (p.RevokedAt ?? p.ClosedAt ?? p.ReplacedAt) is { } ended ? Wita.DateOf(ended) : null,
                p.RenewedByPermitId is { } renewal ? followers.GetValueOrDefault(renewal) : null,
                p.ReplacedByPermitId is { } successor ? followers.GetValueOrDefault(successor) : null,
                p.StartsAfter(today))).ToList(),
        };
    }
}
