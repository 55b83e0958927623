using System.Text.RegularExpressions;

namespace LicensingPortal.Api.Tests.Infrastructure;

/// <summary>Draft rule sets for what-if analyses, made from the shipped ones.</summary>
public static partial class DraftRuleSets
{
    /// <summary>A shipped rule set (its folder under rules/) as one YAML document with its requirements inline, less one requirement.</summary>
    public static string Without(string folderName, string requirementId)
    {
        var folder = Path.Combine(TestPaths.RepositoryRoot, "rules", folderName);
        var ruleset = RuleSetId().Replace(File.ReadAllText(Path.Combine(folder, "ruleset.yaml")), "id: kupang-draft");
        var requirements = Directory.GetFiles(Path.Combine(folder, "requirements"), "*.yaml").Order(StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .Select(text => text[(text.IndexOf("requirements:\n", StringComparison.Ordinal) + "requirements:\n".Length)..])
            .SelectMany(list => Item().Split(list).Where(item => item.Length > 0))
            .Where(item => !item.StartsWith(requirementId + "\n", StringComparison.Ordinal))
            .Select(item => "  - id: " + item.TrimEnd('\n'));
        return ruleset + "\nrequirements:\n" + string.Join("\n", requirements) + "\n";
    }

    [GeneratedRegex("(?m)^id: .*$")]
    private static partial Regex RuleSetId();

    [GeneratedRegex("(?m)^  - id: ")]
    private static partial Regex Item();
}
