using LicensingPortal.Rules.Compilation;
using LicensingPortal.Rules.Facts;

namespace LicensingPortal.Rules.Tests;

/// <summary>The shipped Kupang rule set, compiled once for all tests, and a builder of facts that pass it.</summary>
internal static class KupangRules
{
    private static readonly Lazy<CompiledRuleSet> Compiled = new(() => Load(TestPaths.KupangRuleSet));

    private static readonly Lazy<CompiledRuleSet> Compiled2026 = new(() => Load(TestPaths.KupangRuleSet2026));

    public static CompiledRuleSet RuleSet => Compiled.Value;

    /// <summary>The 2026 revision: annual sales decide the scale of a business that already operates.</summary>
    public static CompiledRuleSet RuleSet2026 => Compiled2026.Value;

    /// <summary>Every shipped rule set by its folder name, for tests that must hold for each.</summary>
    public static CompiledRuleSet Named(string folder) => folder switch
    {
        "kupang-2025" => RuleSet,
        "kupang-2026" => RuleSet2026,
        _ => throw new ArgumentOutOfRangeException(nameof(folder), folder, "No such shipped rule set."),
    };

    private static CompiledRuleSet Load(string folder)
    {
        var result = RuleSetLoader.LoadFolder(folder, TestPaths.Seeds);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
        return result.RuleSet!;
    }

    public static readonly DateOnly Today = new(2026, 3, 2);

    /// <summary>A restaurant of a sole proprietor in Fatululi (a trade and services zone): low risk, approved.</summary>
    public static ApplicationFacts Restaurant() => new()
    {
        OwnerKind = "individual",
        Nik = "5371044107850003",
        LegalForm = "perorangan",
        InvestmentType = "PMDN",
        PermitType = "PB",
        KbliCodes = ["56101"],
        KelurahanCode = "5371041001",
        Latitude = -10.1612m,
        Longitude = 123.6187m,
        LandAreaM2 = 150,
        BuildingAreaM2 = 90,
        InvestmentMachinery = 120_000_000,
        InvestmentWorkingCapital = 60_000_000,
        Employees = 5,
        PlannedStartDate = Today,
        SubmissionDate = Today,
        Declarations = new HashSet<string> { "kebenaran-data" },
        DocumentKinds = new HashSet<string> { "ktp" },
        EnvironmentalDocument = "SPPL",
        BuildingApprovalNumber = "PBG-537104-2025-00187",
    };

    /// <summary>A limited company with foreign capital running a star hotel in Lasiana (coastal tourism zone).</summary>
    public static ApplicationFacts ForeignHotel() => Restaurant() with
    {
        OwnerKind = "entity",
        Nik = null,
        Npwp = "0123456789012345",
        LegalForm = "pt",
        InvestmentType = "PMA",
        KbliCodes = ["55110"],
        KelurahanCode = "5371031002",
        InvestmentLand = 4_000_000_000,
        InvestmentBuildings = 20_000_000_000,
        InvestmentMachinery = 8_000_000_000,
        InvestmentWorkingCapital = 4_000_000_000,
        PolygonPoints = 4,
        DocumentKinds = new HashSet<string> { "akta-pendirian", "ukl-upl" },
        EnvironmentalDocument = "UKL-UPL",
        Declarations = new HashSet<string> { "kebenaran-data", "komitmen-verifikasi-standar" },
    };
}
