using LicensingPortal.Api.Features.Applications;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Pemohon.Draf;

/// <summary>Whether the business already operates: then its annual sales, not its capital, decide its scale (PP 7/2021 Pasal 35).</summary>
public sealed class StatusUsahaModel : DraftStepPage
{
    private static readonly Dictionary<string, string> FieldMap = new(StringComparer.Ordinal)
    {
        ["existingBusiness"] = nameof(Existing),
        ["annualSales"] = nameof(AnnualSales),
    };

    [BindProperty]
    public string? Existing { get; set; }

    [BindProperty]
    public string? AnnualSales { get; set; }

    public IReadOnlyList<Choice> Choices { get; } =
    [
        new("false", Texts.Get("Journey.Operation.New"), Texts.Get("Journey.Operation.NewHint")),
        new("true", Texts.Get("Journey.Operation.Existing"), Texts.Get("Journey.Operation.ExistingHint")),
    ];

    public override string Step => ApplicationSteps.Operation;

    protected override IReadOnlyDictionary<string, string> Fields => FieldMap;

    protected override void Show(ApplicationRequest answers)
    {
        Existing = Draft.CompletedSteps.Contains(Step) || answers.ExistingBusiness ? (answers.ExistingBusiness ? "true" : "false") : null;
        AnnualSales = answers.ExistingBusiness ? FormNumbers.Show(answers.AnnualSales) : null;
    }

    protected override ApplicationRequest? Read()
    {
        if (Existing is not ("true" or "false"))
        {
            ModelState.AddModelError(nameof(Existing), Texts.Get("Journey.Operation.Required"));
        }

        if (!FormNumbers.TryRupiah(AnnualSales, out var sales))
        {
            NotANumber(nameof(AnnualSales));
        }

        var existing = Existing == "true";
        return ModelState.IsValid ? Answers with { ExistingBusiness = existing, AnnualSales = existing ? sales : null } : null;
    }
}
