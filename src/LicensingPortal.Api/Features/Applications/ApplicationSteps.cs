namespace LicensingPortal.Api.Features.Applications;

/// <summary>
/// The questions of an application, a small group each, in the order the web journey asks them; and which fields
/// of the request each one answers, so that saving one page checks exactly those fields with the request's own
/// validator (the same rules and messages as a whole submission).
/// </summary>
public static class ApplicationSteps
{
    public const string Business = "usaha";
    public const string Activities = "kegiatan";
    public const string Location = "lokasi";
    public const string Operation = "status-usaha";
    public const string Size = "skala";
    public const string Investment = "investasi";
    public const string Environment = "lingkungan";
    public const string Documents = "dokumen";
    public const string Declarations = "pernyataan";

    public static IReadOnlyList<string> All { get; } = [Business, Activities, Location, Operation, Size, Investment, Environment, Documents, Declarations];

    /// <summary>The request properties each step answers, as the validator names them.</summary>
    public static IReadOnlyDictionary<string, string[]> Properties { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [Business] = ["BusinessId", "PermitType"],
        [Activities] = ["Kbli"],
        [Location] = ["Location", "Location.Kelurahan", "Location.Address", "Location.Latitude", "Location.Longitude", "Location.Polygon"],
        [Operation] = ["ExistingBusiness", "AnnualSales"],
        [Size] = ["LandAreaM2", "BuildingAreaM2", "Employees", "PlannedStartDate"],
        [Investment] = ["Investment", "Investment.Land", "Investment.Buildings", "Investment.Machinery", "Investment.WorkingCapital"],
        [Environment] = ["EnvironmentalDocument", "BuildingApprovalNumber"],
        [Documents] = ["DocumentIds"],
        [Declarations] = ["Declarations"],
    };

    public static bool IsKnown(string? step) => step is not null && Properties.ContainsKey(step);

    /// <summary>
    /// The step whose answers a fact of the rule set comes from (the page that fixes a failing requirement), or null
    /// for facts about the business itself (identity, legal form), which the application does not change.
    /// </summary>
    public static string? StepOfFact(string fact) => fact switch
    {
        "application.permitType" or "business.hasNib" => Business,
        "application.kbli" or "application.kbliCount" or "risk.level" or "permits.required" => Activities,
        _ when fact.StartsWith("kbli.", StringComparison.Ordinal) => Activities,
        _ when fact.StartsWith("location.", StringComparison.Ordinal) => Location,
        "business.existing" or "business.annualSales" => Operation,
        "application.plannedStartDate" or "workforce.employees" => Size,
        _ when fact.StartsWith("site.", StringComparison.Ordinal) => Size,
        "business.scale" => Investment,
        _ when fact.StartsWith("investment.", StringComparison.Ordinal) => Investment,
        _ when fact.StartsWith("environment.", StringComparison.Ordinal) || fact.StartsWith("building.", StringComparison.Ordinal) => Environment,
        "documents" => Documents,
        "declarations" => Declarations,
        _ => null,
    };
}
