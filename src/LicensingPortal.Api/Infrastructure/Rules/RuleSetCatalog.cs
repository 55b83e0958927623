using System.Collections.Concurrent;
using LicensingPortal.Rules;
using LicensingPortal.Rules.Compilation;

namespace LicensingPortal.Api.Infrastructure.Rules;

/// <summary>
/// The rule sets the app decides with: those compiled from the rules folder at start-up, and any older version
/// stored in the database (compiled from its stored content on first use), found by hash.
/// </summary>
public sealed class RuleSetCatalog(RuleLibrary library)
{
    private readonly ConcurrentDictionary<string, CompiledRuleSet> stored = new(StringComparer.Ordinal);

    public RuleLibrary Library { get; } = library;

    public CompiledRuleSet? InForceOn(DateOnly date) => Library.InForceOn(date);

    public async Task<CompiledRuleSet?> FindByHashAsync(string hash, LicensingDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (Library.FindByHash(hash) is { } current)
        {
            return current;
        }

        if (stored.TryGetValue(hash, out var cached))
        {
            return cached;
        }

        var version = await db.RuleSetVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Hash == hash, cancellationToken);
        if (version is null)
        {
            return null;
        }

        var result = RuleSetLoader.LoadCanonical(version.Content, $"rule_set_versions/{hash}");
        if (result.RuleSet is null)
        {
            throw new InvalidOperationException($"Stored rule set {hash} no longer compiles: {string.Join("; ", result.Diagnostics)}");
        }

        return stored.GetOrAdd(hash, result.RuleSet);
    }
}
