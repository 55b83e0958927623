namespace LicensingPortal.Api.Domain;

/// <summary>
/// An application for a business licence as the applicant submitted it. It is decided exactly once, by the
/// requirements engine, in the transaction that stores it; nobody changes its outcome afterwards.
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

    public string PermitType { get; private set; } = string.Empty;

    public List<string> KbliCodes { get; private set; } = [];

    public string KelurahanCode { get; private set; } = string.Empty;

    /// <summary>Resolved from the kelurahan when known, for reporting by district.</summary>
    public string? KecamatanCode { get; private set; }

    public string Address { get; private set; } = string.Empty;

    public decimal? Latitude { get; private set; }

    public decimal? Longitude { get; private set; }

    /// <summary>The site boundary as "lat,lon" corner points; required for medium and large businesses.</summary>
    public List<string> Polygon { get; private set; } = [];

    public decimal LandAreaM2 { get; private set; }

    public decimal BuildingAreaM2 { get; private set; }

    public Investment Investment { get; private set; } = new(0, 0, 0, 0);

    public int Employees { get; private set; }

    public DateOnly PlannedStartDate { get; private set; }

    public List<string> Declarations { get; private set; } = [];

    /// <summary>The uploaded documents the applicant attached (their kinds are facts for the engine).</summary>
    public List<Guid> DocumentIds { get; private set; } = [];

    public string? EnvironmentalDocument { get; private set; }

    public string? BuildingApprovalNumber { get; private set; }

    /// <summary>The language the applicant asked in; notifications use it.</summary>
    public string Language { get; private set; } = "id";

    public DateTimeOffset SubmittedAt { get; private set; }

    /// <summary>The local (WITA) date of submission: it selects the rule set in force.</summary>
    public DateOnly SubmissionDate { get; private set; }

    public ApplicationStatus Status { get; private set; }

    public Decision? Decision { get; private set; }

    public static PermitApplication Submit(ApplicationDetails details, string language, DateTimeOffset now, DateOnly localDate, PermitApplication? corrects = null)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (corrects is not null && corrects.Status != ApplicationStatus.Rejected)
        {
            throw new InvalidOperationException("Only a rejected application can be corrected and resubmitted.");
        }

        return new PermitApplication
        {
            Id = Guid.CreateVersion7(now),
            BusinessId = details.BusinessId,
            PreviousApplicationId = corrects?.Id,
            PermitType = details.PermitType,
            KbliCodes = [.. details.KbliCodes],
            KelurahanCode = details.KelurahanCode,
            KecamatanCode = details.KecamatanCode,
            Address = details.Address,
            Latitude = details.Latitude,
            Longitude = details.Longitude,
            Polygon = [.. details.Polygon],
            LandAreaM2 = details.LandAreaM2,
            BuildingAreaM2 = details.BuildingAreaM2,
            Investment = details.Investment,
            Employees = details.Employees,
            PlannedStartDate = details.PlannedStartDate,
            Declarations = [.. details.Declarations],
            DocumentIds = [.. details.DocumentIds],
            EnvironmentalDocument = details.EnvironmentalDocument,
            BuildingApprovalNumber = details.BuildingApprovalNumber,
            Language = language,
            SubmittedAt = now,
            SubmissionDate = localDate,
            Status = ApplicationStatus.Submitted,
        };
    }

    /// <summary>Records the engine's decision. An application is decided once; there is no way to change it.</summary>
    public Decision Decide(DecisionRecord record, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (Decision is not null)
        {
            throw new InvalidOperationException("An application is decided exactly once.");
        }

        Decision = Decision.Record(this, record, now);
        Status = record.Approved ? ApplicationStatus.Approved : ApplicationStatus.Rejected;
        return Decision;
    }
}

public enum ApplicationStatus
{
    Submitted,
    Approved,
    Rejected,
}

/// <summary>Planned investment in whole rupiah; scale is measured on capital excluding land and buildings.</summary>
public sealed record Investment(long Land, long Buildings, long Machinery, long WorkingCapital)
{
    public long Total => Land + Buildings + Machinery + WorkingCapital;
}

/// <summary>What an applicant states in an application, already validated.</summary>
public sealed record ApplicationDetails(
    Guid BusinessId,
    string PermitType,
    IReadOnlyList<string> KbliCodes,
    string KelurahanCode,
    string? KecamatanCode,
    string Address,
    decimal? Latitude,
    decimal? Longitude,
    IReadOnlyList<string> Polygon,
    decimal LandAreaM2,
    decimal BuildingAreaM2,
    Investment Investment,
    int Employees,
    DateOnly PlannedStartDate,
    IReadOnlyList<string> Declarations,
    IReadOnlyList<Guid> DocumentIds,
    string? EnvironmentalDocument,
    string? BuildingApprovalNumber);
