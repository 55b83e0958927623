using System.Globalization;
using LicensingPortal.Rules.Evaluation;
using LicensingPortal.Rules.Facts;

namespace LicensingPortal.Api.Domain;

/// <summary>
/// An application for a business licence as the applicant submitted it. It is decided exactly once, by the
/// requirements engine, in the transaction that stores it; nobody changes its outcome afterwards. The properties
/// marked <see cref="AnswerAttribute"/> are what the applicant stated.
/// </summary>
public sealed class PermitApplication
{
    private PermitApplication()
    {
    }

    public Guid Id { get; private set; }

    public Guid BusinessId { get; private set; }

    /// <summary>The rejected application this one corrects, when it is a resubmission.</summary>
    public Guid? PreviousApplicationId { get; private set; }

    /// <summary>The permit this application renews, when it is a renewal (perpanjangan).</summary>
    public Guid? RenewsPermitId { get; private set; }

    /// <summary>
    /// The business's approved application whose answers this one changes, when it is a change of a running business
    /// (perubahan): its location, activities, scale or environment, decided again against the business's permits.
    /// </summary>
    public Guid? ChangesApplicationId { get; private set; }

    public ApplicationKind Kind =>
        ChangesApplicationId is not null ? ApplicationKind.Change : RenewsPermitId is not null ? ApplicationKind.Renewal : ApplicationKind.New;

    [Answer("permitType")]
    public string PermitType { get; private set; } = string.Empty;

    [Answer("kbli", Unordered = true)]
    public List<string> KbliCodes { get; private set; } = [];

    [Answer("location.kelurahan")]
    public string KelurahanCode { get; private set; } = string.Empty;

    /// <summary>Resolved from the kelurahan when known, for reporting by district.</summary>
    public string? KecamatanCode { get; private set; }

    [Answer("location.address")]
    public string Address { get; private set; } = string.Empty;

    [Answer("location.latitude")]
    public decimal? Latitude { get; private set; }

    [Answer("location.longitude")]
    public decimal? Longitude { get; private set; }

    /// <summary>The site boundary as "lat,lon" corner points; required for medium and large businesses.</summary>
    public List<string> Polygon { get; private set; } = [];

    /// <summary>The site boundary's corner points, as the applicant stated them.</summary>
    [Answer("location.polygon")]
    public IReadOnlyList<Coordinate> Boundary
    {
        get => Polygon.Select(Coordinate.Parse).ToList();
        private set => Polygon = value is null ? [] : [.. value.Select(c => c.ToString())];
    }

    [Answer("landAreaM2")]
    public decimal LandAreaM2 { get; private set; }

    [Answer("buildingAreaM2")]
    public decimal BuildingAreaM2 { get; private set; }

    [Answer("investment")]
    public Investment Investment { get; private set; } = new(0, 0, 0, 0);

    [Answer("employees")]
    public int Employees { get; private set; }

    [Answer("plannedStartDate")]
    public DateOnly PlannedStartDate { get; private set; }

    [Answer("declarations", Unordered = true)]
    public List<string> Declarations { get; private set; } = [];

    /// <summary>The uploaded documents the applicant attached (their kinds are facts for the engine).</summary>
    [Answer("documentIds")]
    public List<Guid> DocumentIds { get; private set; } = [];

    [Answer("environmentalDocument")]
    public string? EnvironmentalDocument { get; private set; }

    [Answer("buildingApprovalNumber")]
    public string? BuildingApprovalNumber { get; private set; }

    /// <summary>Whether the business already operates; then its annual sales decide its scale.</summary>
    [Answer("existingBusiness")]
    public bool ExistingBusiness { get; private set; }

    /// <summary>Annual sales in whole rupiah of a business that already operates (0 for a new one).</summary>
    [Answer("annualSales")]
    public long AnnualSales { get; private set; }

    /// <summary>The language the applicant asked in; notifications use it.</summary>
    public string Language { get; private set; } = Languages.Indonesian;

    public DateTimeOffset SubmittedAt { get; private set; }

    /// <summary>The local (WITA) date of submission: it selects the rule set in force.</summary>
    public DateOnly SubmissionDate { get; private set; }

    public ApplicationStatus Status { get; private set; }

    public Decision? Decision { get; private set; }

    /// <summary>
    /// A new application of a business, stated as the applicant answered: <paramref name="answers"/> is the request
    /// body, validated and normalised, each answer at its path (see <see cref="AnswerAttribute"/>), on a local date.
    /// With <paramref name="corrects"/> it corrects that rejected application; with <paramref name="renews"/> it renews
    /// that permit; with <paramref name="changes"/> it changes that approved application of a running business.
    /// </summary>
    public static PermitApplication Submit(
        Guid businessId,
        string? kecamatanCode,
        System.Text.Json.Nodes.JsonObject answers,
        string language,
        DateTimeOffset now,
        PermitApplication? corrects = null,
        Permit? renews = null,
        PermitApplication? changes = null)
    {
        ArgumentNullException.ThrowIfNull(answers);
        if (renews is not null && (renews.BusinessId != businessId || corrects is not null))
        {
            throw new InvalidOperationException("A renewal is of a permit of the same business, and corrects no application.");
        }

        if (changes is not null && (changes.BusinessId != businessId || changes.Status != ApplicationStatus.Approved || corrects is not null || renews is not null))
        {
            throw new InvalidOperationException("A change is of an approved application of the same business, and neither corrects nor renews.");
        }

        if (corrects is not null && (corrects.Status != ApplicationStatus.Rejected || corrects.BusinessId != businessId))
        {
            throw new InvalidOperationException("Only a rejected application of the same business can be corrected and resubmitted.");
        }

        var application = new PermitApplication
        {
            Id = Guid.CreateVersion7(now),
            BusinessId = businessId,
            PreviousApplicationId = corrects?.Id,
            RenewsPermitId = renews?.Id,
            ChangesApplicationId = changes?.Id,
            KecamatanCode = kecamatanCode,
            Language = language,
            SubmittedAt = now,
            SubmissionDate = Wita.DateOf(now),
            Status = ApplicationStatus.Submitted,
        };
        Answers.Apply(application, answers);
        return application;
    }

    /// <summary>The facts the engine decides on: what the applicant stated about the application and the business.</summary>
    public ApplicationFacts FactsFor(Business business, IEnumerable<string> documentKinds)
    {
        ArgumentNullException.ThrowIfNull(business);
        ArgumentNullException.ThrowIfNull(documentKinds);
        return new ApplicationFacts
        {
            OwnerKind = business.IsIndividual ? "individual" : "entity",
            Nik = business.OwnerNik,
            Npwp = business.Npwp,
            LegalForm = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(business.LegalForm.ToString()),
            InvestmentType = business.InvestmentType == InvestmentType.Pma ? "PMA" : "PMDN",
            PermitType = PermitType,
            KbliCodes = KbliCodes,
            KelurahanCode = KelurahanCode,
            Latitude = Latitude,
            Longitude = Longitude,
            PolygonPoints = Polygon.Count,
            LandAreaM2 = LandAreaM2,
            BuildingAreaM2 = BuildingAreaM2,
            InvestmentLand = Investment.Land,
            InvestmentBuildings = Investment.Buildings,
            InvestmentMachinery = Investment.Machinery,
            InvestmentWorkingCapital = Investment.WorkingCapital,
            Employees = Employees,
            PlannedStartDate = PlannedStartDate,
            SubmissionDate = SubmissionDate,
            Declarations = Declarations.ToHashSet(StringComparer.Ordinal),
            DocumentKinds = documentKinds.ToHashSet(StringComparer.Ordinal),
            EnvironmentalDocument = EnvironmentalDocument,
            BuildingApprovalNumber = BuildingApprovalNumber,
            HasNib = business.Nib is not null,
            ExistingBusiness = ExistingBusiness,
            AnnualSales = AnnualSales,
        };
    }

    /// <summary>
    /// Records the engine's decision on <paramref name="facts"/>. An application is decided once; there is no way to
    /// change it.
    /// </summary>
    public Decision Decide(ApplicationFacts facts, Evaluation evaluation, long latencyMs, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(evaluation);
        if (Decision is not null)
        {
            throw new InvalidOperationException("An application is decided exactly once.");
        }

        Decision = Decision.Record(this, facts, evaluation, latencyMs, now);
        Status = Decision.Approved ? ApplicationStatus.Approved : ApplicationStatus.Rejected;
        return Decision;
    }

    /// <summary>What the applicant changed from the application this one corrects.</summary>
    public IReadOnlyList<FieldChange> ChangesFrom(PermitApplication previous) => Answers.Changes(previous, this);
}

/// <summary>What an application asks for: a first permit, the renewal of one, or a change of a running business.</summary>
public enum ApplicationKind
{
    New,
    Renewal,
    Change,
}

public enum ApplicationStatus
{
    Submitted,
    Approved,
    Rejected,
}

/// <summary>Planned investment in whole rupiah; scale is measured on capital excluding land and buildings.</summary>
public sealed record Investment(
    [property: Answer("land")] long Land,
    [property: Answer("buildings")] long Buildings,
    [property: Answer("machinery")] long Machinery,
    [property: Answer("workingCapital")] long WorkingCapital)
{
    public long Total => Land + Buildings + Machinery + WorkingCapital;
}

/// <summary>A point on the map in decimal degrees; as text "lat,lon" in invariant culture.</summary>
public sealed record Coordinate(decimal Latitude, decimal Longitude)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Latitude.ToString("G29", CultureInfo.InvariantCulture)},{Longitude.ToString("G29", CultureInfo.InvariantCulture)}");

    public static Coordinate Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(',');
        return new Coordinate(decimal.Parse(parts[0], CultureInfo.InvariantCulture), decimal.Parse(parts[1], CultureInfo.InvariantCulture));
    }
}

