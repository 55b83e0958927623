using LicensingPortal.Api.Infrastructure.Rules;
using LicensingPortal.Rules;

namespace LicensingPortal.Api.Cli;

/// <summary>
/// `rules check [DIR] [--seeds DIR]`: loads and type-checks every rule set under DIR (default rules/) and prints
/// every problem as file:line:column: message. Exit code 0 when all compile, 1 otherwise.
/// </summary>
public static class RulesCheckCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var seedsIndex = args.ToList().IndexOf("--seeds");
        var seeds = seedsIndex >= 0 && seedsIndex + 1 < args.Count ? args[seedsIndex + 1] : null;
        var positional = args.Where((a, i) => a != "--seeds" && (seedsIndex < 0 || i != seedsIndex + 1)).ToList();
        var rules = Path.GetFullPath(PathResolver.Find(positional.FirstOrDefault() ?? "rules", Directory.GetCurrentDirectory()));
        seeds = Path.GetFullPath(seeds ?? DefaultSeeds(rules));

        var results = RuleSetLoader.LoadAll(rules, seeds);
        var problems = results.SelectMany(r => r.Diagnostics).ToList();
        foreach (var problem in problems)
        {
            output.WriteLine(problem.ToString());
        }

        foreach (var ruleSet in results.Select(r => r.RuleSet).OfType<LicensingPortal.Rules.Compilation.CompiledRuleSet>())
        {
            output.WriteLine($"ok: {ruleSet.Id} effective {ruleSet.EffectiveFrom:yyyy-MM-dd}, {ruleSet.Requirements.Count} requirements, sha256 {ruleSet.Hash}");
        }

        output.WriteLine(problems.Count == 0 ? "rules check passed" : $"rules check failed: {problems.Count} problem(s)");
        return problems.Count == 0 ? 0 : 1;
    }

    /// <summary>seeds/ beside the rules folder's repository root, found upwards from it.</summary>
    private static string DefaultSeeds(string rules)
    {
        for (var directory = new DirectoryInfo(rules); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "seeds");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return PathResolver.Find("seeds", Directory.GetCurrentDirectory());
    }
}
