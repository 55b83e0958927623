using System.Text.Json;
using CsCheck;
using LicensingPortal.Rules.Facts;

namespace LicensingPortal.Rules.Tests;

/// <summary>
/// The trace as stored with every decision: its rendering must not change for the same facts and rule set (the
/// transparency log hashes it and replays compare against it), and the facts derived through the compiled tables
/// must be those the rule set's tables say.
/// </summary>
public sealed class TraceTests
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static string GoldenFile => Path.Combine(TestPaths.RepositoryRoot, "tests", "LicensingPortal.Rules.Tests", "Golden", "trace-many-failures.json");

    /// <summary>
    /// A rejection touching every kind of value a trace shows (numbers, dates, masked identifiers, sets, computed
    /// bounds), rendered as the API stores it. To accept a deliberate change of the rules, regenerate the file with
    /// <c>UPDATE_GOLDEN=1 dotnet test</c> and review the diff.
    /// </summary>
    [Fact]
    public void RenderedTrace_OfAKnownApplication_IsExactlyTheStoredOne()
    {
        var facts = KupangRules.Restaurant() with
        {
            KbliCodes = ["56301", "52101", "99999", "52101"],
            KelurahanCode = "5371041003",
            Latitude = null,
            Longitude = null,
            PlannedStartDate = KupangRules.Today.AddDays(-1),
            Declarations = new HashSet<string>(),
            DocumentKinds = new HashSet<string> { "ukl-upl", "ktp" },
            BuildingApprovalNumber = null,
            Npwp = "5371044107850004",
            LandAreaM2 = 150.50m,
            InvestmentMachinery = 2_500_000_000,
        };

        var evaluation = KupangRules.RuleSet.Evaluate(facts);
        var rendered = JsonSerializer.Serialize(
            new { evaluation.Outcome, evaluation.Scale, evaluation.RiskLevel, evaluation.RequiredPermits, evaluation.Requirements },
            Indented) + "\n";

        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(GoldenFile)!);
            File.WriteAllText(GoldenFile, rendered);
        }

        Assert.Equal(File.ReadAllText(GoldenFile), rendered);
    }

    [Fact]
    public void DerivedFacts_AgreeWithTheSeedTables()
    {
        var definition = KupangRules.RuleSet.Definition;
        var codes = definition.Kbli.Keys.Append("99999").ToArray();
        var kelurahan = definition.Kelurahan.Keys.Append("5301011001").ToArray();
        var gen = Gen.Select(Gen.OneOf(codes).Array[0, 5], Gen.OneOf(kelurahan), Gen.Long[0, 20_000_000_000]);

        gen.Sample((kbli, kelurahanCode, capital) =>
        {
            var facts = KupangRules.Restaurant() with { KbliCodes = kbli, KelurahanCode = kelurahanCode, InvestmentMachinery = capital, InvestmentWorkingCapital = 0 };
            var context = new FactContext(facts, KupangRules.RuleSet);

            // The same facts computed the plain way, from the definition's dictionaries.
            var known = kbli.Distinct().Where(definition.Kbli.ContainsKey).Select(c => definition.Kbli[c]).ToList();
            var zone = definition.Kelurahan.GetValueOrDefault(kelurahanCode)?.Zone;
            var risk = known.Select(k => definition.RiskLevels[k.RiskByScale[context.Scale]]).MaxBy(r => r.Rank);
            var permits = known.SelectMany(k => k.SupportingPermits).Concat(risk?.Permits ?? []).Distinct().Order(StringComparer.Ordinal);
            var unknown = kbli.Where(c => !definition.Kbli.ContainsKey(c)).Distinct().Order(StringComparer.Ordinal);
            var misplaced = known.Where(k => zone is not null && !k.AllowedZones.Contains(zone)).Select(k => k.Code).Order(StringComparer.Ordinal);
            var sectors = known.Select(k => k.Sector).Distinct().Order(StringComparer.Ordinal);

            return context.RequiredPermits.SequenceEqual(permits)
                && context.RiskLevel == (risk?.Id ?? string.Empty)
                && context.UnknownKbli.SequenceEqual(unknown)
                && context.KbliNotPermittedInZone.SequenceEqual(misplaced)
                && context.Sectors.SequenceEqual(sectors)
                && context.KbliCodes.SequenceEqual(kbli.Distinct().Order(StringComparer.Ordinal));
        });
    }

    [Fact]
    public void FailedRequirementIds_AreTheFailedOutcomesOfTheTrace()
    {
        var facts = KupangRules.Restaurant() with { KelurahanCode = "5371041003", Declarations = new HashSet<string>(), Employees = 0 };

        var evaluation = KupangRules.RuleSet.Evaluate(facts);

        Assert.Equal(evaluation.Failed.Select(f => f.RequirementId), evaluation.FailedRequirementIds);
        Assert.Contains("TENAGA-KERJA-DIISI", evaluation.FailedRequirementIds);
        Assert.Equal(
            evaluation.Requirements.Select(r => r.Status),
            Enumerable.Range(0, KupangRules.RuleSet.Requirements.Count).Select(evaluation.StatusOf));
    }

    [Fact]
    public void TextSet_AgreesWithAHashSet()
    {
        var words = Gen.OneOf("a", "b", "c", "d", "e", "NIB", "SS-PM", "ß", "A").Array[0, 20];
        Gen.Select(words, words).Sample((left, right) =>
        {
            var set = TextSet.Of(left);
            var hash = left.ToHashSet(StringComparer.Ordinal);
            return set.SequenceEqual(hash.Order(StringComparer.Ordinal))
                && set.Count == hash.Count
                && right.All(w => set.Contains(w) == hash.Contains(w))
                && set.IsSubsetOf(right) == hash.IsSubsetOf(right)
                && set.IsSupersetOf(right) == hash.IsSupersetOf(right)
                && set.Overlaps(right) == hash.Overlaps(right)
                && set.SetEquals(right) == hash.SetEquals(right)
                && set.IsProperSubsetOf(right) == hash.IsProperSubsetOf(right)
                && set.IsProperSupersetOf(right) == hash.IsProperSupersetOf(right);
        });
    }
}
