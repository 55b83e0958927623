using LicensingPortal.Api.Features.Applications;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Pemohon.Draf;

/// <summary>The premises and the people: land and building area, workers, and when the business starts.</summary>
public sealed class SkalaModel : DraftStepPage
{
    private static readonly Dictionary<string, string> FieldMap = new(StringComparer.Ordinal)
    {
        ["landAreaM2"] = nameof(LandArea),
        ["buildingAreaM2"] = nameof(BuildingArea),
        ["employees"] = nameof(Employees),
        ["plannedStartDate"] = nameof(PlannedStart),
    };

    [BindProperty]
    public string? LandArea { get; set; }

    [BindProperty]
    public string? BuildingArea { get; set; }

    [BindProperty]
    public string? Employees { get; set; }

    /// <summary>Day, month and year, as people write a date.</summary>
    [BindProperty]
    public DateParts PlannedStart { get; set; } = new();

    public override string Step => ApplicationSteps.Size;

    protected override IReadOnlyDictionary<string, string> Fields => FieldMap;

    protected override void Show(ApplicationRequest answers)
    {
        var answered = Draft.CompletedSteps.Contains(Step);
        LandArea = answered ? FormNumbers.Show((long)answers.LandAreaM2) : null;
        BuildingArea = answered ? FormNumbers.Show((long)answers.BuildingAreaM2) : null;
        Employees = answered ? FormNumbers.Show(answers.Employees) : null;
        PlannedStart = DateParts.Of(answers.PlannedStartDate);
    }

    protected override ApplicationRequest? Read()
    {
        if (!FormNumbers.TryWhole(LandArea, out var land) || land is null)
        {
            NotANumber(nameof(LandArea));
        }

        if (!FormNumbers.TryWhole(BuildingArea, out var building) || building is null)
        {
            NotANumber(nameof(BuildingArea));
        }

        if (!FormNumbers.TryWhole(Employees, out var employees) || employees is null or > int.MaxValue)
        {
            NotANumber(nameof(Employees));
        }

        DateOnly? start = null;
        if (!PlannedStart.IsEmpty)
        {
            if (PlannedStart.TryRead(out var date))
            {
                start = date;
            }
            else
            {
                ModelState.AddModelError(nameof(PlannedStart), NotADate);
            }
        }

        return ModelState.IsValid
            ? Answers with { LandAreaM2 = land!.Value, BuildingAreaM2 = building!.Value, Employees = (int)employees!.Value, PlannedStartDate = start }
            : null;
    }
}
