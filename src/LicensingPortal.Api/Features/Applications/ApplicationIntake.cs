using LicensingPortal.Api.Infrastructure.Rules;
using LicensingPortal.Rules.Compilation;
using LicensingPortal.Rules.Model;

namespace LicensingPortal.Api.Features.Applications;

/// <summary>
/// Turns an applicant's answers into an application of their own business, ready for the engine: the business
/// and the attached documents must be the applicant's, the kelurahan is resolved by code or name, and the rule
/// set in force today is chosen. Submission, correction and the pre-check all start here, so the pre-check sees
/// exactly what the submission would.
/// </summary>
public sealed class ApplicationIntake(LicensingDbContext db, RuleSetCatalog rules, TimeProvider time)
{
    public async Task<Result<DecisionIntake>> TakeAsync(Guid ownerId, ApplicationRequest request, Language language, PermitApplication? corrects, CancellationToken cancellationToken, Permit? renews = null, PermitApplication? changes = null, IReadOnlyList<HeldPermit>? held = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var business = await db.BusinessesOf(ownerId).FirstOrDefaultAsync(b => b.Id == request.BusinessId, cancellationToken);
        if (business is null)
        {
            return Error.NotFound(ErrorCodes.BusinessNotFound, "The business was not found.");
        }

        if (business.IsClosed)
        {
            return new Error(ErrorCodes.BusinessClosed, StatusCodes.Status409Conflict, "The business was closed by its owner.", $"The business was closed on {Wita.DateOf(business.ClosedAt!.Value):yyyy-MM-dd}; it takes no more applications. Register the business again to apply.");
        }

        if (business.Nib is null && db.Database.CurrentTransaction is not null && db.Database.IsNpgsql())
        {
            // The business's first approval issues its NIB, once: until it has one, a decision on the business waits
            // for the one before it and then reads the business again (it may have its NIB now). Once it has a NIB
            // its submissions lock nothing, and submissions of different businesses never share a row. SQLite has
            // one writer anyway.
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM businesses WHERE id = {business.Id} FOR UPDATE", cancellationToken);
            await db.Entry(business).ReloadAsync(cancellationToken);
        }

        var documentIds = request.DocumentIds ?? [];
        var kinds = await db.DocumentsOf(ownerId).AsNoTracking()
            .Where(d => documentIds.Contains(d.Id))
            .Select(d => d.Kind)
            .ToListAsync(cancellationToken);
        if (kinds.Count != documentIds.Count)
        {
            return Error.NotFound(ErrorCodes.DocumentNotFound, "A document was not found.");
        }

        var now = time.GetUtcNow();
        var today = Wita.DateOf(now);
        var ruleSet = rules.InForceOn(today);
        if (ruleSet is null)
        {
            return new Error(ErrorCodes.NoRuleSetInForce, StatusCodes.Status503ServiceUnavailable, "No rule set is in force today.");
        }

        var kelurahan = ResolveKelurahan(request.Location.Kelurahan, ruleSet);
        var application = PermitApplication.Submit(
            business.Id,
            kelurahan?.KecamatanCode,
            request.Stated(today, kelurahan?.Code ?? request.Location.Kelurahan.Trim()),
            language.Code(),
            now,
            corrects,
            renews,
            changes);
        return new DecisionIntake(application, business, kinds, ruleSet, renews, held);
    }

    private static KelurahanEntry? ResolveKelurahan(string given, CompiledRuleSet ruleSet)
    {
        var key = given.Trim();
        return ruleSet.Definition.Kelurahan.TryGetValue(key, out var byCode)
            ? byCode
            : ruleSet.Definition.Kelurahan.Values.FirstOrDefault(k => string.Equals(k.Name, key, StringComparison.OrdinalIgnoreCase));
    }
}
