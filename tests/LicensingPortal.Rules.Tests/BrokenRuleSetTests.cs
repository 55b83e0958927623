namespace LicensingPortal.Rules.Tests;

/// <summary>Every kind of mistake in a rule file is reported as file:line:column: message, pointing at the mistake.</summary>
public sealed class BrokenRuleSetTests
{
    [Theory]
    [InlineData("unknown-fact", 23, 19, "unknown fact 'owner.shoeSize'")]
    [InlineData("type-mismatch", 23, 45, "type mismatch: expected a number, found 'banyak'")]
    [InlineData("operator-type-mismatch", 23, 30, "type mismatch: operator 'gt' does not apply to a text fact 'owner.nik'")]
    [InlineData("duplicate-id", 27, 9, "duplicate requirement id 'CONTOH-1'")]
    [InlineData("missing-citation", 26, 17, "missing citation: 'legalBasis' needs regulation and article")]
    [InlineData("missing-translation", 24, 14, "missing translation: 'message' has no English text ('en')")]
    [InlineData("unknown-kbli", 23, 60, "unknown KBLI '99999'")]
    [InlineData("unknown-kelurahan", 23, 58, "unknown kelurahan '9999999999'")]
    [InlineData("yaml-syntax", 23, 47, "YAML syntax error")]
    [InlineData("unknown-operator", 23, 40, "unknown operator 'atLeast'")]
    [InlineData("bad-pattern", 23, 39, "invalid pattern")]
    [InlineData("unknown-parameter", 23, 49, "unknown parameter 'pma.minimum'")]
    [InlineData("unknown-placeholder", 24, 14, "unknown placeholder '{owner.shoeSize}' in message")]
    [InlineData("bad-date", 23, 54, "type mismatch: expected a date (yyyy-MM-dd), found '2025-13-45'")]
    [InlineData("unknown-key", 26, 70, "unknown key 'Pasal 34 ayat (1)' (expected one of: regulation, article, url)")]
    public void BrokenRuleSet_IsReportedAtTheMistake(string fixture, int line, int column, string message)
    {
        var folder = Path.Combine(TestPaths.Fixtures, fixture);

        var result = RuleSetLoader.LoadFolder(folder, TestPaths.Seeds);

        Assert.False(result.Succeeded);
        Assert.Null(result.RuleSet);
        var expectedFile = Path.Combine(folder, "ruleset.yaml");
        Assert.Contains(result.Diagnostics, d =>
            d.Location.File == expectedFile && d.Location.Line == line && d.Location.Column == column && d.Message.Contains(message, StringComparison.Ordinal));
        Assert.All(result.Diagnostics, d => Assert.Matches(@"^.+ruleset\.yaml:\d+:\d+: .+$", d.ToString()));
    }

    [Fact]
    public void MorePermitTypesThanTheEngineTracks_IsReportedAtThePermitTypes()
    {
        var folder = Directory.CreateTempSubdirectory("lp-permits-");
        try
        {
            var lines = File.ReadAllLines(Path.Combine(TestPaths.Fixtures, "valid", "ruleset.yaml")).ToList();
            var at = lines.IndexOf("permitTypes:") + 1;
            lines.InsertRange(at, Enumerable.Range(1, 60).Select(i => $"  EXTRA-{i}: {{title: {{id: Izin {i}, en: Permit {i}}}}}"));
            var file = Path.Combine(folder.FullName, "ruleset.yaml");
            File.WriteAllLines(file, lines);

            var result = RuleSetLoader.LoadFolder(folder.FullName, TestPaths.Seeds);

            Assert.False(result.Succeeded);
            var problem = Assert.Single(result.Diagnostics);
            Assert.Equal((file, at + 1, 3), (problem.Location.File, problem.Location.Line, problem.Location.Column));
            Assert.Contains("at most 64 permit types; found 66", problem.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void MinimalValidFixture_Compiles()
    {
        var result = RuleSetLoader.LoadFolder(Path.Combine(TestPaths.Fixtures, "valid"), TestPaths.Seeds);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public void LoadAll_FolderWithSeveralBrokenSets_ReportsEveryProblem()
    {
        var results = RuleSetLoader.LoadAll(TestPaths.Fixtures, TestPaths.Seeds);

        Assert.True(results.Sum(r => r.Diagnostics.Count) >= 14);
        Assert.Single(results, r => r.Succeeded);
    }
}
