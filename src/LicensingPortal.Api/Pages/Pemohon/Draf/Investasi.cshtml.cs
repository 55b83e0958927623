using LicensingPortal.Api.Features.Applications;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Pemohon.Draf;

/// <summary>The planned investment in whole rupiah; machinery and working capital (excluding land and buildings) decide a new business's scale.</summary>
public sealed class InvestasiModel : DraftStepPage
{
    private static readonly Dictionary<string, string> FieldMap = new(StringComparer.Ordinal)
    {
        ["investment"] = nameof(Machinery),
        ["investment.land"] = nameof(Land),
        ["investment.buildings"] = nameof(Buildings),
        ["investment.machinery"] = nameof(Machinery),
        ["investment.workingCapital"] = nameof(WorkingCapital),
    };

    // In the form's order, which the error summary follows.
    [BindProperty]
    public string? Machinery { get; set; }

    [BindProperty]
    public string? WorkingCapital { get; set; }

    [BindProperty]
    public string? Land { get; set; }

    [BindProperty]
    public string? Buildings { get; set; }

    public override string Step => ApplicationSteps.Investment;

    protected override IReadOnlyDictionary<string, string> Fields => FieldMap;

    protected override void Show(ApplicationRequest answers)
    {
        if (answers.Investment is { } investment && Draft.CompletedSteps.Contains(Step))
        {
            Land = FormNumbers.Show(investment.Land);
            Buildings = FormNumbers.Show(investment.Buildings);
            Machinery = FormNumbers.Show(investment.Machinery);
            WorkingCapital = FormNumbers.Show(investment.WorkingCapital);
        }
    }

    protected override ApplicationRequest? Read()
    {
        long Amount(string? text, string field)
        {
            if (FormNumbers.TryRupiah(text, out var value))
            {
                return value ?? 0;
            }

            NotANumber(field);
            return 0;
        }

        var investment = new InvestmentRequest(Amount(Land, nameof(Land)), Amount(Buildings, nameof(Buildings)), Amount(Machinery, nameof(Machinery)), Amount(WorkingCapital, nameof(WorkingCapital)));
        return ModelState.IsValid ? Answers with { Investment = investment } : null;
    }
}
