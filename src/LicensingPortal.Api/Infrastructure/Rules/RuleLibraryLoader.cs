using LicensingPortal.Rules;

namespace LicensingPortal.Api.Infrastructure.Rules;

/// <summary>Loads and compiles every rule set before the app serves; a broken set stops the start with every problem listed.</summary>
public static class RuleLibraryLoader
{
    public static RuleLibrary Load(RulesOptions options, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        var rules = PathResolver.Find(options.Directory, contentRoot);
        var seeds = PathResolver.Find(options.SeedsDirectory, contentRoot);
        var results = RuleSetLoader.LoadAll(rules, seeds);
        var problems = results.SelectMany(r => r.Diagnostics).ToList();
        if (problems.Count > 0)
        {
            throw new InvalidRuleSetException(problems);
        }

        return new RuleLibrary(results.Select(r => r.RuleSet!));
    }
}

public sealed class InvalidRuleSetException(IReadOnlyList<RuleDiagnostic> problems)
    : Exception($"The rule set is invalid; the app will not start:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}")
{
    public IReadOnlyList<RuleDiagnostic> Problems { get; } = problems;
}

/// <summary>Finds rules/ and seeds/ from the repository root whether the app runs from the root, its project folder or bin/.</summary>
public static class PathResolver
{
    public static string Find(string path, string start)
    {
        if (Path.IsPathRooted(path))
        {
            return path;
        }

        foreach (var origin in new[] { Directory.GetCurrentDirectory(), start, AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(origin); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, path);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return Path.GetFullPath(path);
    }
}
