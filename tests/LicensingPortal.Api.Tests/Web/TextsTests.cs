using System.Globalization;
using System.Text.RegularExpressions;
using LicensingPortal.Api.Infrastructure.Web;
using LicensingPortal.Api.Tests.Infrastructure;

namespace LicensingPortal.Api.Tests.Web;

/// <summary>Every text is in both languages, and every text the code asks for exists.</summary>
public sealed partial class TextsTests
{
    private static readonly IReadOnlyDictionary<string, string> Indonesian = Texts.All(Cultures.Indonesian.Parent);
    private static readonly IReadOnlyDictionary<string, string> English = Texts.All(CultureInfo.InvariantCulture);

    [Fact]
    public void BothLanguages_HaveTheSameTexts_NoneEmpty()
    {
        Assert.Empty(Indonesian.Keys.Except(English.Keys));
        Assert.Empty(English.Keys.Except(Indonesian.Keys));
        Assert.All(Indonesian.Concat(English), text => Assert.False(string.IsNullOrWhiteSpace(text.Value), text.Key));
    }

    [Fact]
    public void EveryTextTheCodeNames_Exists()
    {
        var source = Path.Combine(TestPaths.RepositoryRoot, "src", "LicensingPortal.Api");
        var named = Directory.EnumerateFiles(source, "*.cs*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => Named().Matches(File.ReadAllText(f)).Select(m => (Key: m.Groups["key"].Value, File: Path.GetFileName(f))))
            .ToList();

        Assert.NotEmpty(named);
        Assert.Empty(named.Where(n => !Indonesian.ContainsKey(n.Key)).Select(n => $"{n.Key} ({n.File})").Distinct());
    }

    /// <summary>T["Key"], T["Key", …], Texts.Get("Key") and Texts.Format("Key", …) with a literal key.</summary>
    [GeneratedRegex(@"(?:\bT\[""|Texts\.(?:Get|Format)\("")(?<key>[A-Za-z][A-Za-z0-9_.]*)""")]
    private static partial Regex Named();
}
