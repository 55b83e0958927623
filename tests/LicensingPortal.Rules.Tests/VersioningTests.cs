using System.Text.RegularExpressions;

namespace LicensingPortal.Rules.Tests;

public sealed partial class VersioningTests : IDisposable
{
    private readonly DirectoryInfo workspace = Directory.CreateTempSubdirectory("lp-rules-");

    public void Dispose() => workspace.Delete(recursive: true);

    [Fact]
    public void Hash_IsLowercaseHexSha256()
    {
        Assert.Matches("^[0-9a-f]{64}$", KupangRules.RuleSet.Hash);
    }

    [Fact]
    public void Hash_ReformattedFile_IsUnchanged()
    {
        var copy = CopyRuleSet();
        var ruleset = Path.Combine(copy, "ruleset.yaml");
        var text = File.ReadAllText(ruleset);
        // Move effectiveFrom above id, quote the id and indent the parameters deeper: same content, other text.
        text = text.Replace("id: kupang-pb-2025\n", string.Empty, StringComparison.Ordinal)
            .Replace("effectiveFrom: 2025-06-05\n", "effectiveFrom: '2025-06-05'\nid: \"kupang-pb-2025\"\n", StringComparison.Ordinal);
        File.WriteAllText(ruleset, "# a comment that changes nothing\n" + text);

        var reloaded = RuleSetLoader.LoadFolder(copy, TestPaths.Seeds);

        Assert.True(reloaded.Succeeded, string.Join("\n", reloaded.Diagnostics));
        Assert.Equal(KupangRules.RuleSet.Hash, reloaded.RuleSet!.Hash);
    }

    [Fact]
    public void Hash_RequirementsSplitAcrossOtherFiles_IsUnchanged()
    {
        var copy = CopyRuleSet();
        var requirements = Path.Combine(copy, "requirements");
        var merged = string.Join("\n", Directory.GetFiles(requirements).Order(StringComparer.Ordinal).Select(f => File.ReadAllText(f).Replace("requirements:\n", string.Empty, StringComparison.Ordinal)));
        foreach (var file in Directory.GetFiles(requirements))
        {
            File.Delete(file);
        }

        File.WriteAllText(Path.Combine(requirements, "all.yaml"), "requirements:\n" + merged);

        Assert.Equal(KupangRules.RuleSet.Hash, RuleSetLoader.LoadFolder(copy, TestPaths.Seeds).RuleSet!.Hash);
    }

    [Fact]
    public void Hash_ChangedThreshold_Differs()
    {
        var copy = CopyRuleSet();
        var ruleset = Path.Combine(copy, "ruleset.yaml");
        File.WriteAllText(ruleset, File.ReadAllText(ruleset).Replace("value: 10000000000", "value: 12000000000", StringComparison.Ordinal));

        Assert.NotEqual(KupangRules.RuleSet.Hash, RuleSetLoader.LoadFolder(copy, TestPaths.Seeds).RuleSet!.Hash);
    }

    [Fact]
    public void Hash_ChangedSeedTable_Differs()
    {
        var copy = CopyRuleSet();
        var seeds = Path.Combine(workspace.FullName, "seeds");
        Directory.CreateDirectory(seeds);
        foreach (var file in Directory.GetFiles(TestPaths.Seeds, "*.yaml"))
        {
            File.Copy(file, Path.Combine(seeds, Path.GetFileName(file)));
        }

        var wilayah = Path.Combine(seeds, "wilayah-kota-kupang.yaml");
        File.WriteAllText(wilayah, File.ReadAllText(wilayah).Replace("name: Fatululi, zone: perdagangan-jasa", "name: Fatululi, zone: campuran", StringComparison.Ordinal));

        Assert.NotEqual(KupangRules.RuleSet.Hash, RuleSetLoader.LoadFolder(copy, seeds).RuleSet!.Hash);
    }

    [Fact]
    public void StoredContent_EvaluatesWithoutTheFiles_ToTheSameResult()
    {
        var stored = RuleSetLoader.LoadCanonical(KupangRules.RuleSet.CanonicalContent);
        var facts = KupangRules.Restaurant() with { KbliCodes = ["56301"], Declarations = new HashSet<string>() };

        Assert.True(stored.Succeeded, string.Join("\n", stored.Diagnostics));
        Assert.Equal(KupangRules.RuleSet.Hash, stored.RuleSet!.Hash);
        var original = KupangRules.RuleSet.Evaluate(facts);
        var replayed = stored.RuleSet.Evaluate(facts);
        Assert.Equal(original.Outcome, replayed.Outcome);
        Assert.Equal(original.Failed.Select(f => f.RequirementId), replayed.Failed.Select(f => f.RequirementId));
    }

    [Fact]
    public void CanonicalContent_HasSortedKeysAndNoWhitespace()
    {
        var content = KupangRules.RuleSet.CanonicalContent;

        Assert.StartsWith("{\"ruleSet\":{", content, StringComparison.Ordinal);
        Assert.DoesNotMatch(Whitespace(), content[..200]);
    }

    private string CopyRuleSet()
    {
        var target = Path.Combine(workspace.FullName, "kupang");
        foreach (var file in Directory.GetFiles(TestPaths.KupangRuleSet, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(TestPaths.KupangRuleSet, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        return target;
    }

    [GeneratedRegex(@"[:,]\s")]
    private static partial Regex Whitespace();
}
