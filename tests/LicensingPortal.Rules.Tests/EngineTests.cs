using LicensingPortal.Rules.Evaluation;
using LicensingPortal.Rules.Model;

namespace LicensingPortal.Rules.Tests;

public sealed class EngineTests
{
    [Fact]
    public void ShippedRules_Check_ReportNoProblems()
    {
        var results = RuleSetLoader.LoadAll(TestPaths.Rules, TestPaths.Seeds);

        Assert.All(results, r => Assert.Empty(r.Diagnostics));
        Assert.NotEmpty(results);
    }

    [Fact]
    public void Evaluate_CompliantRestaurant_IsApprovedWithNibOnly()
    {
        var evaluation = KupangRules.RuleSet.Evaluate(KupangRules.Restaurant());

        Assert.Equal(Outcome.Approved, evaluation.Outcome);
        Assert.Equal(BusinessScale.Mikro, evaluation.Scale);
        Assert.Equal("rendah", evaluation.RiskLevel);
        Assert.Equal(["NIB"], evaluation.RequiredPermits);
        Assert.Empty(evaluation.Failed);
        Assert.Equal(KupangRules.RuleSet.Hash, evaluation.RuleSetHash);
    }

    [Fact]
    public void Evaluate_CompliantForeignHotel_IsApprovedWithVerifiedStandardCertificate()
    {
        var evaluation = KupangRules.RuleSet.Evaluate(KupangRules.ForeignHotel());

        Assert.Equal(Outcome.Approved, evaluation.Outcome);
        Assert.Equal(BusinessScale.Besar, evaluation.Scale);
        Assert.Equal(["NIB", "SS-TV"], evaluation.RequiredPermits);
    }

    [Fact]
    public void Evaluate_EveryRequirement_HasAnOutcomeWithTheFactsItRead()
    {
        var evaluation = KupangRules.RuleSet.Evaluate(KupangRules.Restaurant());

        Assert.Equal(KupangRules.RuleSet.Requirements.Select(r => r.Id), evaluation.Requirements.Select(r => r.RequirementId));
        Assert.All(evaluation.Requirements, r => Assert.NotEmpty(r.Facts));
    }

    [Fact]
    public void Evaluate_ManyProblems_ListsEveryFailedRequirementNotOnlyTheFirst()
    {
        var facts = KupangRules.Restaurant() with
        {
            KbliCodes = ["56301"],
            KelurahanCode = "5371041003",
            PlannedStartDate = KupangRules.Today.AddDays(-1),
            Declarations = new HashSet<string>(),
            BuildingApprovalNumber = null,
        };

        var evaluation = KupangRules.RuleSet.Evaluate(facts);

        Assert.Equal(Outcome.Rejected, evaluation.Outcome);
        Assert.Equal(
            ["BANGUNAN-PBG", "DOKUMEN-UKL-UPL", "KEGIATAN-TANGGAL-MULAI", "LINGKUNGAN-DOKUMEN", "LOKASI-KESESUAIAN-RUANG", "PERNYATAAN-KEBENARAN-DATA", "PERNYATAAN-VERIFIKASI-STANDAR"],
            evaluation.Failed.Select(f => f.RequirementId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Evaluate_SameFactsTwice_GivesEqualResults()
    {
        var first = KupangRules.RuleSet.Evaluate(KupangRules.ForeignHotel() with { KelurahanCode = "5371041003" });
        var second = KupangRules.RuleSet.Evaluate(KupangRules.ForeignHotel() with { KelurahanCode = "5371041003" });

        Assert.Equal(first.Outcome, second.Outcome);
        Assert.Equal(first.Requirements, second.Requirements, (a, b) =>
            a.RequirementId == b.RequirementId && a.Status == b.Status && a.Facts.SequenceEqual(b.Facts) && a.ExpectedValue == b.ExpectedValue);
    }

    [Theory]
    [InlineData(1_000_000_000, BusinessScale.Mikro)]
    [InlineData(1_000_000_001, BusinessScale.Kecil)]
    [InlineData(5_000_000_000, BusinessScale.Kecil)]
    [InlineData(5_000_000_001, BusinessScale.Menengah)]
    [InlineData(10_000_000_000, BusinessScale.Menengah)]
    [InlineData(10_000_000_001, BusinessScale.Besar)]
    public void Scale_CapitalExcludingLandAndBuildings_FollowsPp7Of2021Thresholds(long capital, BusinessScale expected)
    {
        var facts = KupangRules.Restaurant() with { InvestmentMachinery = capital, InvestmentWorkingCapital = 0, InvestmentLand = 50_000_000_000, InvestmentBuildings = 50_000_000_000 };

        Assert.Equal(expected, KupangRules.RuleSet.Evaluate(facts).Scale);
    }

    [Fact]
    public void Explain_FailedRequirement_InterpolatesActualAndExpectedInBothLanguages()
    {
        var facts = KupangRules.Restaurant() with { PlannedStartDate = new DateOnly(2026, 2, 1) };
        var evaluation = KupangRules.RuleSet.Evaluate(facts);
        var failed = Assert.Single(evaluation.Failed);

        Assert.Equal("KEGIATAN-TANGGAL-MULAI", failed.RequirementId);
        Assert.Equal("Rencana mulai usaha 2026-02-01 sudah lewat; paling cepat 2026-03-02.", KupangRules.RuleSet.Explain(failed, Language.Indonesian));
        Assert.Equal("The planned start date 2026-02-01 has passed; the earliest allowed is 2026-03-02.", KupangRules.RuleSet.Explain(failed, Language.English));
    }

    [Fact]
    public void Explain_ListsWithoutBrackets_AndAnEmptyListAsNone_InEachLanguage()
    {
        var none = KupangRules.RuleSet.Evaluate(KupangRules.Restaurant() with { Declarations = new HashSet<string>() })
            .Failed.Single(r => r.RequirementId == "PERNYATAAN-KEBENARAN-DATA");
        var other = KupangRules.RuleSet.Evaluate(KupangRules.Restaurant() with { Declarations = new HashSet<string> { "pemenuhan-standar" } })
            .Failed.Single(r => r.RequirementId == "PERNYATAAN-KEBENARAN-DATA");

        Assert.Equal("Pernyataan kebenaran data belum diberikan; pernyataan yang ada: tidak ada.", KupangRules.RuleSet.Explain(none, Language.Indonesian));
        Assert.Equal("The declaration that the data is true has not been given; declarations given: none.", KupangRules.RuleSet.Explain(none, Language.English));
        Assert.Equal("Pernyataan kebenaran data belum diberikan; pernyataan yang ada: pemenuhan-standar.", KupangRules.RuleSet.Explain(other, Language.Indonesian));
        Assert.Equal("[]", none.Facts[0].Value);
    }

    [Fact]
    public void Trace_SensitiveIdentifiers_AreMasked()
    {
        var evaluation = KupangRules.RuleSet.Evaluate(KupangRules.Restaurant());

        var nik = evaluation.Requirements.SelectMany(r => r.Facts).First(f => f.Fact == "owner.nik");
        Assert.Equal("5371********0003", nik.Value);
    }

    [Fact]
    public void Trace_BoundTakenFromAPersonalFact_IsMaskedToo()
    {
        var evaluation = KupangRules.RuleSet.Evaluate(KupangRules.Restaurant() with { Npwp = "5371044107850004" });

        var outcome = evaluation.Requirements.Single(r => r.RequirementId == "IDENTITAS-NPWP-SAMA-NIK");
        Assert.Equal(RequirementStatus.Failed, outcome.Status);
        Assert.Equal("5371********0003", outcome.ExpectedValue);
        Assert.DoesNotContain("5371044107850003", KupangRules.RuleSet.Explain(outcome, Language.English), StringComparison.Ordinal);
    }

    [Fact]
    public void Library_PicksTheRuleSetInForceOnTheSubmissionDate()
    {
        var library = new RuleLibrary([KupangRules.RuleSet]);

        Assert.Null(library.InForceOn(new DateOnly(2025, 6, 4)));
        Assert.Same(KupangRules.RuleSet, library.InForceOn(new DateOnly(2025, 6, 5)));
        Assert.Same(KupangRules.RuleSet, library.FindByHash(KupangRules.RuleSet.Hash));
    }
}
