using LicensingPortal.Rules;
using LicensingPortal.Rules.Compilation;
using LicensingPortal.Rules.Facts;

namespace LicensingPortal.Benchmarks;

/// <summary>The shipped rule set and two applications: one that passes everything and one that fails several requirements.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string RuleSetFolder => Path.Combine(Root, "rules", "kupang-2025");

    public static string Seeds => Path.Combine(Root, "seeds");

    public static CompiledRuleSet Load()
    {
        var result = RuleSetLoader.LoadFolder(RuleSetFolder, Seeds);
        return result.RuleSet ?? throw new InvalidOperationException(string.Join(Environment.NewLine, result.Diagnostics));
    }

    public static ApplicationFacts Approved() => new()
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
        PlannedStartDate = new DateOnly(2026, 3, 2),
        SubmissionDate = new DateOnly(2026, 3, 2),
        Declarations = new HashSet<string> { "kebenaran-data" },
        DocumentKinds = new HashSet<string> { "ktp" },
        EnvironmentalDocument = "SPPL",
        BuildingApprovalNumber = "PBG-537104-2025-00187",
    };

    public static ApplicationFacts Rejected() => Approved() with
    {
        KbliCodes = ["56301", "52101"],
        KelurahanCode = "5371041003",
        Latitude = null,
        Longitude = null,
        InvestmentMachinery = 2_500_000_000,
        InvestmentWorkingCapital = 1_000_000_000,
        PlannedStartDate = new DateOnly(2025, 1, 15),
        Declarations = new HashSet<string>(),
        BuildingApprovalNumber = null,
    };

    private static string FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "LicensingPortal.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException("Run the benchmarks from inside the repository.");
    }
}
