using LicensingPortal.Api.Infrastructure.Rules;
using LicensingPortal.Api.Infrastructure.Transparency;

namespace LicensingPortal.Api.Features.RuleSets;

/// <summary>
/// On every start: stores each rule set version the rules folder holds that the database does not know yet, with
/// its canonical content (so it can decide and replay after its files are gone), and logs its first use.
/// </summary>
public static class RecordRuleSetVersions
{
    /// <summary>The hashes of the versions recorded now.</summary>
    public sealed record Command : ICommand<Result<IReadOnlyList<string>>>;

    public sealed class Handler(LicensingDbContext db, RuleSetCatalog catalog, TransparencyLog log, TimeProvider time) : ICommandHandler<Command, Result<IReadOnlyList<string>>>
    {
        public async ValueTask<Result<IReadOnlyList<string>>> Handle(Command command, CancellationToken cancellationToken)
        {
            var known = await db.RuleSetVersions.Select(v => v.Hash).ToListAsync(cancellationToken);
            var added = new List<string>();
            foreach (var ruleSet in catalog.Library.RuleSets.Where(r => !known.Contains(r.Hash)))
            {
                db.RuleSetVersions.Add(RuleSetVersion.FirstSeen(ruleSet.Hash, ruleSet.Id, ruleSet.EffectiveFrom, ruleSet.CanonicalContent, time.GetUtcNow()));
                log.Record(LogActors.System, LogEntryTypes.RuleSetFirstUsed, Guid.Empty, ruleSet.Hash);
                added.Add(ruleSet.Hash);
            }

            return added;
        }
    }
}
