using LicensingPortal.Rules.Compilation;
using LicensingPortal.Rules.Documents;

namespace LicensingPortal.Rules;

/// <summary>
/// Loads rule sets from files: a rule set is a folder under rules/ with a ruleset.yaml and requirement files
/// under requirements/; the seed tables it names are read from the seeds folder and become part of its content
/// (and so of its hash).
/// </summary>
public static class RuleSetLoader
{
    public const string RuleSetFileName = "ruleset.yaml";

    /// <summary>Every rule set folder under <paramref name="rulesRoot"/> (drafts excluded), each loaded and checked.</summary>
    public static IReadOnlyList<RuleSetLoadResult> LoadAll(string rulesRoot, string seedsRoot)
    {
        if (!Directory.Exists(rulesRoot))
        {
            return [new RuleSetLoadResult(null, [new RuleDiagnostic(new SourceLocation(rulesRoot, 1, 1), "rules folder not found")])];
        }

        var folders = Directory.EnumerateFiles(rulesRoot, RuleSetFileName, SearchOption.AllDirectories)
            .Select(Path.GetDirectoryName)
            .OfType<string>()
            .Where(folder => !Path.GetRelativePath(rulesRoot, folder).Split(Path.DirectorySeparatorChar).Contains("drafts"))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (folders.Count == 0)
        {
            return [new RuleSetLoadResult(null, [new RuleDiagnostic(new SourceLocation(rulesRoot, 1, 1), $"no {RuleSetFileName} found")])];
        }

        return folders.Select(folder => LoadFolder(folder, seedsRoot)).ToList();
    }

    /// <summary>A bare file name: not empty, not '.' or '..', without separators, drive or root.</summary>
    public static bool IsPlainFileName(string name) =>
        name.Length > 0 && name is not ("." or "..") && name.IndexOfAny(['/', '\\', ':', '\0']) < 0 && !Path.IsPathRooted(name) && Path.GetFileName(name) == name;

    public static RuleSetLoadResult LoadFolder(string folder, string seedsRoot)
    {
        var diagnostics = new List<RuleDiagnostic>();
        var rulesetPath = Path.Combine(folder, RuleSetFileName);
        var root = SourceReader.Read(File.ReadAllText(rulesetPath), rulesetPath, diagnostics);
        if (diagnostics.Count > 0)
        {
            return new RuleSetLoadResult(null, diagnostics);
        }

        if (root is not MappingNode ruleset)
        {
            return new RuleSetLoadResult(null, [new RuleDiagnostic(root.Location, "a rule set file must be a mapping")]);
        }

        var requirements = new List<SourceNode>();
        if (ruleset["requirements"] is SequenceNode inline)
        {
            requirements.AddRange(inline.Items);
        }

        var requirementsFolder = Path.Combine(folder, "requirements");
        var files = Directory.Exists(requirementsFolder)
            ? Directory.EnumerateFiles(requirementsFolder, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            : Enumerable.Empty<string>();
        foreach (var file in files)
        {
            var node = SourceReader.Read(File.ReadAllText(file), file, diagnostics);
            if (node is MappingNode { } map && map["requirements"] is SequenceNode list)
            {
                requirements.AddRange(list.Items);
            }
            else
            {
                diagnostics.Add(new RuleDiagnostic(node.Location, "a requirements file holds a 'requirements' list"));
            }
        }

        var tables = new List<KeyValuePair<ScalarNode, SourceNode>>();
        if (ruleset["tables"] is MappingNode tableNames)
        {
            foreach (var (name, fileNode) in tableNames.Entries)
            {
                // A table is a file of the seeds folder itself: no folders, no '..', no absolute path, so a draft rule
                // set cannot read anything else on the server; messages name the file, never a server path.
                var fileName = fileNode.ToString() ?? string.Empty;
                if (!IsPlainFileName(fileName))
                {
                    diagnostics.Add(new RuleDiagnostic(fileNode.Location, $"seed table '{fileName}' must be the name of a file in the seeds folder (no folders, no '..')"));
                    continue;
                }

                var path = Path.Combine(seedsRoot, fileName);
                if (!File.Exists(path))
                {
                    diagnostics.Add(new RuleDiagnostic(fileNode.Location, $"seed table '{fileName}' not found in the seeds folder"));
                    continue;
                }

                tables.Add(new(name, SourceReader.Read(File.ReadAllText(path), path, diagnostics)));
            }
        }
        else
        {
            diagnostics.Add(new RuleDiagnostic(ruleset.Location, "missing 'tables' (the seed tables the rule set reads)"));
        }

        if (diagnostics.Count > 0)
        {
            return new RuleSetLoadResult(null, diagnostics);
        }

        // Requirements are kept in id order so that splitting or reordering files never changes the content or its hash.
        var sortedRequirements = requirements
            .OrderBy(r => (r as MappingNode)?["id"]?.ToString() ?? string.Empty, StringComparer.Ordinal)
            .ToList();
        var body = ruleset.Entries.Where(e => e.Key.Value is not ("tables" or "requirements")).ToList();
        body.Add(new(Key("requirements", ruleset.Location), new SequenceNode(sortedRequirements, ruleset.Location)));
        var document = new MappingNode(
            [
                new(Key("ruleSet", ruleset.Location), new MappingNode(body, ruleset.Location)),
                new(Key("tables", ruleset.Location), new MappingNode(tables, ruleset.Location)),
            ],
            ruleset.Location);
        return RuleSetCompiler.Compile(document);
    }

    /// <summary>Compiles a rule set from the canonical content stored with past decisions; no files needed.</summary>
    public static RuleSetLoadResult LoadCanonical(string canonicalContent, string sourceName = "stored")
    {
        var diagnostics = new List<RuleDiagnostic>();
        var node = SourceReader.Read(canonicalContent, sourceName, diagnostics);
        if (diagnostics.Count > 0 || node is not MappingNode document)
        {
            return new RuleSetLoadResult(null, diagnostics.Count > 0 ? diagnostics : [new RuleDiagnostic(node.Location, "stored rule set is not a mapping")]);
        }

        return RuleSetCompiler.Compile(document);
    }

    private static ScalarNode Key(string name, SourceLocation location) => new(name, location);
}
