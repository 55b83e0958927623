namespace LicensingPortal.Api.Features.Applications;

/// <summary>What an applicant answers to apply (and to pre-check or correct an application): the body of those requests.</summary>
/// <remarks>Each answer names the question page of the web journey that asks it (<see cref="AskedOnAttribute"/>).</remarks>
public sealed partial record ApplicationRequest(
    [property: AskedOn(ApplicationSteps.Business)] Guid BusinessId,
    [property: AskedOn(ApplicationSteps.Business)] string PermitType,
    [property: AskedOn(ApplicationSteps.Activities)] IReadOnlyList<string> Kbli,
    [property: AskedOn(ApplicationSteps.Location)] LocationRequest Location,
    [property: AskedOn(ApplicationSteps.Size)] decimal LandAreaM2,
    [property: AskedOn(ApplicationSteps.Size)] decimal BuildingAreaM2,
    [property: AskedOn(ApplicationSteps.Investment)] InvestmentRequest Investment,
    [property: AskedOn(ApplicationSteps.Size)] int Employees,
    [property: AskedOn(ApplicationSteps.Size)] DateOnly? PlannedStartDate,
    [property: AskedOn(ApplicationSteps.Declarations)] IReadOnlyList<string>? Declarations,
    [property: AskedOn(ApplicationSteps.Environment)] string? EnvironmentalDocument,
    [property: AskedOn(ApplicationSteps.Environment, Label = "Field.BuildingApprovalNumber", Hint = "Journey.Environment.PbgHint")] string? BuildingApprovalNumber,
    [property: AskedOn(ApplicationSteps.Documents)] IReadOnlyList<Guid>? DocumentIds = null,
    [property: AskedOn(ApplicationSteps.Operation)] bool ExistingBusiness = false,
    [property: AskedOn(ApplicationSteps.Operation)] long? AnnualSales = null)
{
    /// <summary>
    /// The answers as an application states them (see <see cref="AnswerAttribute"/>): text trimmed and blank text
    /// left out, lists never missing, the start today unless given, annual sales only for a business that already
    /// operates, the kelurahan by its code. A new answer is stated by being a property here and an answer there.
    /// </summary>
    public System.Text.Json.Nodes.JsonObject Stated(DateOnly today, string kelurahanCode)
    {
        ArgumentNullException.ThrowIfNull(kelurahanCode);
        static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        var stated = this with
        {
            Location = Location with { Kelurahan = kelurahanCode, Address = Location.Address.Trim(), Polygon = Location.Polygon ?? [] },
            PlannedStartDate = PlannedStartDate ?? today,
            Declarations = Declarations ?? [],
            DocumentIds = DocumentIds ?? [],
            EnvironmentalDocument = Blank(EnvironmentalDocument),
            // Letters write a number with spaces around its marks ("503 / IMB / 2010"); the number is the same without
            // them. Other spaces stay: words ("belum ada") are no number.
            BuildingApprovalNumber = Blank(SpacesAroundMarks().Replace(BuildingApprovalNumber ?? string.Empty, "$1")),
            AnnualSales = ExistingBusiness ? AnnualSales ?? 0 : 0,
        };
        return System.Text.Json.JsonSerializer.SerializeToNode(stated, Json.Options)!.AsObject();
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\s*([./-])\s*")]
    private static partial System.Text.RegularExpressions.Regex SpacesAroundMarks();
}

/// <summary>The kelurahan by code or name, the street address, and optionally the coordinates and the site boundary.</summary>
public sealed record LocationRequest(string Kelurahan, string Address, decimal? Latitude, decimal? Longitude, IReadOnlyList<CoordinateRequest>? Polygon = null);

public sealed record CoordinateRequest(decimal Latitude, decimal Longitude);

/// <summary>The planned investment in whole rupiah.</summary>
public sealed record InvestmentRequest(long Land, long Buildings, long Machinery, long WorkingCapital);

/// <summary>The checks of form (not of the requirements: the rule set decides those, with a reason for each), in the reader's language.</summary>
public sealed class ApplicationRequestValidator : AbstractValidator<ApplicationRequest>
{
    public ApplicationRequestValidator()
    {
        RuleFor(r => r.BusinessId).NotEmpty().WithMessage(_ => Texts.Get("Validation.BusinessId"));
        RuleFor(r => r.PermitType).NotEmpty().Must(PermitTypes.IsApplicable).WithMessage(_ => Texts.Get("Validation.PermitType"));
        RuleFor(r => r.Kbli).NotEmpty().WithMessage(_ => Texts.Get("Validation.Kbli.Required"))
            .Must(k => k.Count <= 20).WithMessage(_ => Texts.Get("Validation.Kbli.TooMany"));
        RuleForEach(r => r.Kbli).Matches(@"\A[0-9]{5}\z").WithMessage(_ => Texts.Get("Validation.Kbli.FiveDigits"));
        RuleFor(r => r.Kbli).Must(k => k.Distinct().Count() == k.Count).When(r => r.Kbli is not null).WithMessage(_ => Texts.Get("Validation.Kbli.Repeated"));
        RuleFor(r => r.Location).NotNull().WithMessage(_ => Texts.Get("Validation.Location.Kelurahan"));
        RuleFor(r => r.Location.Kelurahan).NotEmpty().WithMessage(_ => Texts.Get("Validation.Location.Kelurahan")).MaximumLength(100).When(r => r.Location is not null);
        RuleFor(r => r.Location.Address).NotEmpty().WithMessage(_ => Texts.Get("Validation.Location.Address")).MaximumLength(500).When(r => r.Location is not null);
        RuleFor(r => r.Location.Latitude).InclusiveBetween(-90m, 90m).WithMessage(_ => Texts.Get("Validation.Location.Latitude")).When(r => r.Location is not null);
        RuleFor(r => r.Location.Longitude).InclusiveBetween(-180m, 180m).WithMessage(_ => Texts.Get("Validation.Location.Longitude")).When(r => r.Location is not null);
        RuleFor(r => r.Location.Polygon).Must(p => p!.Count <= 200).WithMessage(_ => Texts.Get("Validation.Location.PolygonSize")).When(r => r.Location?.Polygon is not null);
        RuleForEach(r => r.Location.Polygon).ChildRules(point =>
        {
            point.RuleFor(p => p.Latitude).InclusiveBetween(-90m, 90m).WithMessage(_ => Texts.Get("Validation.Location.Latitude"));
            point.RuleFor(p => p.Longitude).InclusiveBetween(-180m, 180m).WithMessage(_ => Texts.Get("Validation.Location.Longitude"));
        }).When(r => r.Location?.Polygon is not null);
        RuleFor(r => r.LandAreaM2).InclusiveBetween(0m, 100_000_000m).WithMessage(_ => Texts.Get("Validation.Area"));
        RuleFor(r => r.BuildingAreaM2).InclusiveBetween(0m, 100_000_000m).WithMessage(_ => Texts.Get("Validation.Area"));
        RuleFor(r => r.Investment).NotNull().WithMessage(_ => Texts.Get("Validation.Investment.Required"));
        RuleFor(r => r.Investment.Land).GreaterThanOrEqualTo(0).WithMessage(_ => Texts.Get("Validation.Amount")).When(r => r.Investment is not null);
        RuleFor(r => r.Investment.Buildings).GreaterThanOrEqualTo(0).WithMessage(_ => Texts.Get("Validation.Amount")).When(r => r.Investment is not null);
        RuleFor(r => r.Investment.Machinery).GreaterThanOrEqualTo(0).WithMessage(_ => Texts.Get("Validation.Amount")).When(r => r.Investment is not null);
        RuleFor(r => r.Investment.WorkingCapital).GreaterThanOrEqualTo(0).WithMessage(_ => Texts.Get("Validation.Amount")).When(r => r.Investment is not null);
        RuleFor(r => r.Investment)
            .Must(i => (decimal)i.Land + i.Buildings + i.Machinery + i.WorkingCapital <= long.MaxValue)
            .When(r => r.Investment is not null)
            .WithMessage(_ => Texts.Get("Validation.Investment.TooLarge"));
        RuleFor(r => r.Employees).InclusiveBetween(0, 1_000_000).WithMessage(_ => Texts.Get("Validation.Employees"));
        RuleFor(r => r.AnnualSales).GreaterThanOrEqualTo(0).WithMessage(_ => Texts.Get("Validation.Amount"));
        RuleForEach(r => r.Declarations).NotEmpty().MaximumLength(60);
        RuleFor(r => r.EnvironmentalDocument).MaximumLength(20);
        RuleFor(r => r.BuildingApprovalNumber).MaximumLength(60).WithMessage(_ => Texts.Get("Validation.BuildingApprovalNumber"));
        RuleFor(r => r.DocumentIds).Must(d => d!.Count <= 50 && d.Distinct().Count() == d.Count).When(r => r.DocumentIds is not null)
            .WithMessage(_ => Texts.Get("Validation.DocumentIds"));
    }
}
