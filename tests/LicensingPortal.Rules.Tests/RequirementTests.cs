using LicensingPortal.Rules.Evaluation;
using LicensingPortal.Rules.Facts;

namespace LicensingPortal.Rules.Tests;

/// <summary>Each requirement of each shipped Kupang rule set: one application that passes it and one that fails it.</summary>
public sealed class RequirementTests
{
    private static readonly Dictionary<string, (Func<ApplicationFacts> Passing, Func<ApplicationFacts> Failing)> Cases = new()
    {
        ["IDENTITAS-NIK-FORMAT"] = (KupangRules.Restaurant, () => KupangRules.Restaurant() with { Nik = "537104410785" }),
        ["IDENTITAS-NIK-TANGGAL-LAHIR"] = (KupangRules.Restaurant, () => KupangRules.Restaurant() with { Nik = "5371043213850003" }),
        ["IDENTITAS-NPWP-BADAN"] = (KupangRules.ForeignHotel, () => KupangRules.ForeignHotel() with { Npwp = "01.234.567.8-901.000" }),
        ["LOKASI-KELURAHAN-KUPANG"] = (KupangRules.Restaurant, () => KupangRules.Restaurant() with { KelurahanCode = "5301011001" }),
        ["LOKASI-KESESUAIAN-RUANG"] = (KupangRules.Restaurant, () => KupangRules.Restaurant() with { KbliCodes = ["16101"] }),
        ["KBLI-TERDAFTAR"] = (KupangRules.Restaurant, () => KupangRules.Restaurant() with { KbliCodes = ["56101", "99999"] }),
        ["PMA-BENTUK-PT"] = (KupangRules.ForeignHotel, () => KupangRules.ForeignHotel() with { LegalForm = "cv" }),
        ["PMA-NILAI-INVESTASI"] = (KupangRules.ForeignHotel, () => KupangRules.ForeignHotel() with { InvestmentMachinery = 5_000_000_000, InvestmentWorkingCapital = 5_000_000_000 }),
        ["INVESTASI-MODAL-USAHA"] = (KupangRules.Restaurant, () => KupangRules.Restaurant() with { InvestmentMachinery = 0, InvestmentWorkingCapital = 0 }),
        ["PENJUALAN-TAHUNAN-DIISI"] = (
            () => KupangRules.Restaurant() with { ExistingBusiness = true, AnnualSales = 450_000_000 },
            () => KupangRules.Restaurant() with { ExistingBusiness = true, AnnualSales = 0 }),
        ["KEGIATAN-TANGGAL-MULAI"] = (KupangRules.Restaurant, () => KupangRules.Restaurant() with { PlannedStartDate = KupangRules.Today.AddDays(-1) }),
        ["LINGKUNGAN-DOKUMEN"] = (KupangRules.Restaurant, () => KupangRules.Restaurant() with { EnvironmentalDocument = "UKL-UPL" }),
        ["BANGUNAN-PBG"] = (KupangRules.Restaurant, () => KupangRules.Restaurant() with { BuildingApprovalNumber = null }),
        ["PERNYATAAN-SERTIFIKAT-STANDAR"] = (
            () => KupangRules.Restaurant() with { KbliCodes = ["56210"], Declarations = new HashSet<string> { "kebenaran-data", "pemenuhan-standar" } },
            () => KupangRules.Restaurant() with { KbliCodes = ["56210"] }),
        ["PERNYATAAN-KEBENARAN-DATA"] = (KupangRules.Restaurant, () => KupangRules.Restaurant() with { Declarations = new HashSet<string>() }),
        ["IDENTITAS-NIK-WILAYAH"] = (KupangRules.Restaurant, () => KupangRules.Restaurant() with { Nik = "0971044107850003" }),
        ["IDENTITAS-NIK-NOMOR-URUT"] = (KupangRules.Restaurant, () => KupangRules.Restaurant() with { Nik = "5371044107850000" }),
        ["IDENTITAS-NPWP-PERORANGAN"] = (
            () => KupangRules.Restaurant() with { Npwp = "012345678901234" },
            () => KupangRules.Restaurant() with { Npwp = "01.234.567.8-901.000" }),
        ["IDENTITAS-NPWP-SAMA-NIK"] = (
            () => KupangRules.Restaurant() with { Npwp = "5371044107850003" },
            () => KupangRules.Restaurant() with { Npwp = "5371044107850004" }),
        ["LOKASI-KOORDINAT-DALAM-KOTA"] = (KupangRules.Restaurant, () => KupangRules.Restaurant() with { Latitude = -8.65m, Longitude = 115.2m }),
        ["LOKASI-KOORDINAT-WAJIB"] = (Pharmacy, () => Pharmacy() with { Latitude = null, Longitude = null }),
        ["LOKASI-POLIGON"] = (KupangRules.ForeignHotel, () => KupangRules.ForeignHotel() with { PolygonPoints = 2 }),
        ["ZONA-PERUMAHAN-SKALA-USAHA"] = (
            () => KupangRules.Restaurant() with { KbliCodes = ["56102"], KelurahanCode = "5371041003" },
            () => KupangRules.Restaurant() with { KbliCodes = ["56102"], KelurahanCode = "5371041003", InvestmentMachinery = 6_000_000_000 }),
        ["PERNYATAAN-VERIFIKASI-STANDAR"] = (Pharmacy, () => Pharmacy() with { Declarations = new HashSet<string> { "kebenaran-data" } }),
        ["PERNYATAAN-KOMITMEN-IZIN"] = (
            () => Hospital() with { Declarations = new HashSet<string> { "kebenaran-data", "komitmen-izin" } },
            Hospital),
        ["PB-UMKU-NIB"] = (
            () => KupangRules.Restaurant() with { PermitType = "PB-UMKU", HasNib = true },
            () => KupangRules.Restaurant() with { PermitType = "PB-UMKU", HasNib = false }),
        ["PB-UMKU-SPPIRT-SKALA"] = (
            () => KupangRules.Restaurant() with { KbliCodes = ["10710"] },
            () => KupangRules.Restaurant() with { KbliCodes = ["10710"], InvestmentMachinery = 6_000_000_000 }),
        ["PB-UMKU-SLHS-HIGIENE"] = (
            () => KupangRules.Restaurant() with { KbliCodes = ["56210"], Declarations = new HashSet<string> { "kebenaran-data", "higiene-sanitasi" } },
            () => KupangRules.Restaurant() with { KbliCodes = ["56210"] }),
        ["BANGUNAN-LUAS-TANAH"] = (KupangRules.Restaurant, () => KupangRules.Restaurant() with { LandAreaM2 = 0 }),
        ["KEGIATAN-TANGGAL-MULAI-WAJAR"] = (
            () => KupangRules.Restaurant() with { PlannedStartDate = KupangRules.Today.AddYears(1) },
            () => KupangRules.Restaurant() with { PlannedStartDate = KupangRules.Today.AddYears(1).AddDays(1) }),
        ["TENAGA-KERJA-DIISI"] = (KupangRules.Restaurant, () => KupangRules.Restaurant() with { Employees = 0 }),
        ["DOKUMEN-KTP"] = (KupangRules.Restaurant, () => KupangRules.Restaurant() with { DocumentKinds = new HashSet<string> { "npwp" } }),
        ["DOKUMEN-AKTA"] = (KupangRules.ForeignHotel, () => KupangRules.ForeignHotel() with { DocumentKinds = new HashSet<string> { "ukl-upl" } }),
        ["DOKUMEN-UKL-UPL"] = (KupangRules.ForeignHotel, () => KupangRules.ForeignHotel() with { DocumentKinds = new HashSet<string> { "akta-pendirian" } }),
        ["DOKUMEN-AMDAL"] = (
            () => Hospital() with { Declarations = new HashSet<string> { "kebenaran-data", "komitmen-izin" }, DocumentKinds = new HashSet<string> { "akta-pendirian", "amdal" } },
            () => Hospital() with { Declarations = new HashSet<string> { "kebenaran-data", "komitmen-izin" } }),
    };

    /// <summary>A pharmacy (KBLI 47721): medium-high risk at every scale.</summary>
    private static ApplicationFacts Pharmacy() => KupangRules.Restaurant() with
    {
        KbliCodes = ["47721"],
        DocumentKinds = new HashSet<string> { "ktp", "ukl-upl" },
        EnvironmentalDocument = "UKL-UPL",
        Declarations = new HashSet<string> { "kebenaran-data", "komitmen-verifikasi-standar" },
    };

    /// <summary>A private hospital (KBLI 86103): high risk at every scale.</summary>
    private static ApplicationFacts Hospital() => KupangRules.ForeignHotel() with { KbliCodes = ["86103"], KelurahanCode = "5371041001", EnvironmentalDocument = "AMDAL" };

    public static TheoryData<string, string> RequirementIds()
    {
        var data = new TheoryData<string, string>();
        foreach (var folder in new[] { "kupang-2025", "kupang-2026" })
        {
            foreach (var requirement in KupangRules.Named(folder).Requirements)
            {
                data.Add(folder, requirement.Id);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RequirementIds))]
    public void Requirement_HasAPassingAndAFailingCase(string ruleSet, string requirementId)
    {
        Assert.True(Cases.ContainsKey(requirementId), $"No test case for requirement {requirementId}");
        var (passing, failing) = Cases[requirementId];

        Assert.Equal(RequirementStatus.Passed, StatusOf(KupangRules.Named(ruleSet), requirementId, passing()));
        Assert.Equal(RequirementStatus.Failed, StatusOf(KupangRules.Named(ruleSet), requirementId, failing()));
    }

    /// <summary>PP 7/2021 Pasal 35 ayat (5): up to Rp2 bn micro, over 2–15 bn small, over 15–50 bn medium, over 50 bn large.</summary>
    [Theory]
    [InlineData(1, "mikro")]
    [InlineData(2_000_000_000, "mikro")]
    [InlineData(2_000_000_001, "kecil")]
    [InlineData(15_000_000_000, "kecil")]
    [InlineData(15_000_000_001, "menengah")]
    [InlineData(50_000_000_000, "menengah")]
    [InlineData(50_000_000_001, "besar")]
    public void OperatingBusiness_IsScaledByItsAnnualSales_FlippingExactlyAtEachThreshold(long annualSales, string scale)
    {
        var facts = KupangRules.Restaurant() with { ExistingBusiness = true, AnnualSales = annualSales, InvestmentMachinery = 7_000_000_000 };

        Assert.Equal(scale, KupangRules.RuleSet2026.Evaluate(facts).Facts.ScaleName);
    }

    [Fact]
    public void NewBusiness_KeepsTheCapitalThresholds_WhateverItsSales()
    {
        var facts = KupangRules.Restaurant() with { ExistingBusiness = false, AnnualSales = 60_000_000_000, InvestmentMachinery = 1_000_000_000, InvestmentWorkingCapital = 1 };

        Assert.Equal("kecil", KupangRules.RuleSet2026.Evaluate(facts).Facts.ScaleName);
        Assert.Equal(RequirementStatus.NotApplicable, StatusOf(KupangRules.RuleSet2026, "PENJUALAN-TAHUNAN-DIISI", facts));
    }

    [Fact]
    public void RuleSetBefore2026_ScalesEveryBusinessByCapital()
    {
        var facts = KupangRules.Restaurant() with { ExistingBusiness = true, AnnualSales = 60_000_000_000 };

        Assert.Equal("mikro", KupangRules.RuleSet.Evaluate(facts).Facts.ScaleName);
        Assert.Null(KupangRules.RuleSet.FindRequirement("PENJUALAN-TAHUNAN-DIISI"));
    }

    [Fact]
    public void OperatingBusiness_NeedsNoPlannedCapital_UnderThe2026Rules()
    {
        var facts = KupangRules.Restaurant() with { ExistingBusiness = true, AnnualSales = 450_000_000, InvestmentMachinery = 0, InvestmentWorkingCapital = 0 };

        Assert.Equal(RequirementStatus.NotApplicable, StatusOf(KupangRules.RuleSet2026, "INVESTASI-MODAL-USAHA", facts));
        Assert.Equal(RequirementStatus.Failed, StatusOf(KupangRules.RuleSet, "INVESTASI-MODAL-USAHA", facts));
    }

    [Fact]
    public void Requirement_ForEntitiesOnly_IsNotApplicableToSoleProprietors()
    {
        Assert.Equal(RequirementStatus.NotApplicable, StatusOf("IDENTITAS-NPWP-BADAN", KupangRules.Restaurant()));
        Assert.Equal(RequirementStatus.NotApplicable, StatusOf("PMA-NILAI-INVESTASI", KupangRules.Restaurant()));
    }

    [Fact]
    public void PmaMinimum_FlipsExactlyAtTheThreshold()
    {
        var atThreshold = KupangRules.ForeignHotel() with { InvestmentMachinery = 10_000_000_000, InvestmentWorkingCapital = 0 };
        var justAbove = atThreshold with { InvestmentWorkingCapital = 1 };

        Assert.Equal(RequirementStatus.Failed, StatusOf("PMA-NILAI-INVESTASI", atThreshold));
        Assert.Equal(RequirementStatus.Passed, StatusOf("PMA-NILAI-INVESTASI", justAbove));
    }

    [Fact]
    public void RuleSet_HasAtLeastThirtyRequirements()
    {
        Assert.True(KupangRules.RuleSet.Requirements.Count >= 30, $"{KupangRules.RuleSet.Requirements.Count} requirements");
    }

    [Fact]
    public void EveryRequirement_IsCitedAndTranslated()
    {
        Assert.All(KupangRules.RuleSet.Requirements, r =>
        {
            Assert.NotEmpty(r.LegalBasis.Regulation);
            Assert.NotEmpty(r.LegalBasis.Article);
            Assert.NotEmpty(r.Message.Id);
            Assert.NotEmpty(r.Message.En);
            Assert.NotEmpty(r.Remedy.Id);
            Assert.NotEmpty(r.Remedy.En);
        });
    }

    private static RequirementStatus StatusOf(string requirementId, ApplicationFacts facts) => StatusOf(KupangRules.RuleSet, requirementId, facts);

    private static RequirementStatus StatusOf(Compilation.CompiledRuleSet ruleSet, string requirementId, ApplicationFacts facts) =>
        ruleSet.Evaluate(facts).Requirements.Single(r => r.RequirementId == requirementId).Status;
}
