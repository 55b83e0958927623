namespace LicensingPortal.Rules.Facts;

/// <summary>
/// What the applicant stated, as the engine sees it. Everything the rules may read is here or derived
/// from here by <see cref="FactContext"/>; nothing else about the world enters a decision.
/// </summary>
public sealed record ApplicationFacts
{
    public required string OwnerKind { get; init; }

    public string? Nik { get; init; }

    public string? Npwp { get; init; }

    public required string LegalForm { get; init; }

    public required string InvestmentType { get; init; }

    public required string PermitType { get; init; }

    public required IReadOnlyList<string> KbliCodes { get; init; }

    public required string KelurahanCode { get; init; }

    public decimal? Latitude { get; init; }

    public decimal? Longitude { get; init; }

    /// <summary>How many corner points the site polygon has (0 when none was given).</summary>
    public int PolygonPoints { get; init; }

    public decimal LandAreaM2 { get; init; }

    public decimal BuildingAreaM2 { get; init; }

    public long InvestmentLand { get; init; }

    public long InvestmentBuildings { get; init; }

    public long InvestmentMachinery { get; init; }

    public long InvestmentWorkingCapital { get; init; }

    public int Employees { get; init; }

    public DateOnly PlannedStartDate { get; init; }

    /// <summary>The local (WITA) date the application was submitted; it also selects the rule set in force.</summary>
    public DateOnly SubmissionDate { get; init; }

    public IReadOnlySet<string> Declarations { get; init; } = new HashSet<string>();

    public IReadOnlySet<string> DocumentKinds { get; init; } = new HashSet<string>();

    public string? EnvironmentalDocument { get; init; }

    public string? BuildingApprovalNumber { get; init; }

    /// <summary>Whether the business already holds a NIB (a PB UMKU supports an existing business).</summary>
    public bool HasNib { get; init; }

    /// <summary>Whether the business already operates: then its annual sales, not its capital, decide its scale (PP 7/2021 Pasal 35).</summary>
    public bool ExistingBusiness { get; init; }

    /// <summary>The annual sales of a business that already operates, in whole rupiah (0 for a new business).</summary>
    public long AnnualSales { get; init; }
}
