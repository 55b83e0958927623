using LicensingPortal.Api.Features.Applications;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Pemohon.Draf;

/// <summary>The environmental document the business holds (SPPL, UKL-UPL or AMDAL); its building approval (PBG) is asked by itself (see <see cref="DraftStepPage.MoreQuestions"/>).</summary>
public sealed class LingkunganModel : DraftStepPage
{
    private const string None = "none";

    private static readonly Dictionary<string, string> FieldMap = new(StringComparer.Ordinal)
    {
        ["environmentalDocument"] = nameof(EnvironmentalDocument),
    };

    [BindProperty]
    public string? EnvironmentalDocument { get; set; }

    public IReadOnlyList<Choice> Documents { get; } =
    [
        new("SPPL", Texts.Get("Environment.SPPL"), Texts.Get("Environment.SPPL.Hint")),
        new("UKL-UPL", Texts.Get("Environment.UKL-UPL"), Texts.Get("Environment.UKL-UPL.Hint")),
        new("AMDAL", Texts.Get("Environment.AMDAL"), Texts.Get("Environment.AMDAL.Hint")),
        new(None, Texts.Get("Environment.None"), null),
    ];

    public override string Step => ApplicationSteps.Environment;

    protected override IReadOnlyDictionary<string, string> Fields => FieldMap;

    protected override void Show(ApplicationRequest answers)
    {
        EnvironmentalDocument = answers.EnvironmentalDocument ?? (Draft.CompletedSteps.Contains(Step) ? None : null);
    }

    protected override ApplicationRequest? Read()
    {
        if (string.IsNullOrEmpty(EnvironmentalDocument))
        {
            ModelState.AddModelError(nameof(EnvironmentalDocument), Texts.Get("Journey.Environment.Required"));
            return null;
        }

        return Answers with { EnvironmentalDocument = EnvironmentalDocument == None ? null : EnvironmentalDocument };
    }
}
