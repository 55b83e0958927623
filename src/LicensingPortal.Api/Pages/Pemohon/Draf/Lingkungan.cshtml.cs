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

    /// <summary>
    /// The documents to choose from. Once the pre-check knows the one these answers call for, only it is offered (any
    /// other would fail the requirement): an SPPL alone, the statement made here; a UKL-UPL or an AMDAL with "not yet",
    /// said by its name. Before that, all of them, and "not yet".
    /// </summary>
    public IReadOnlyList<Choice> Documents
    {
        get
        {
            var asked = Precheck is { Succeeded: true } precheck ? precheck.Value.EnvironmentalDocumentAsked() : null;
            Choice Offered(string document) => Marked(document, Texts.Get($"Environment.{document}"), Texts.Get($"Environment.{document}.Hint"), document == asked, "Journey.Environment.ForYou");
            return asked switch
            {
                "SPPL" => [Offered(asked)],
                "UKL-UPL" or "AMDAL" => [Offered(asked), new(None, Texts.Format("Environment.None.Of", asked), Texts.Format("Environment.None.Of.Hint", asked))],
                _ => [.. Known.Select(Offered), new(None, Texts.Get("Environment.None"), Texts.Get("Environment.None.Hint"))],
            };
        }
    }

    /// <summary>
    /// The document answered before that these answers no longer call for (the investment or the activities changed
    /// since): the page says so, instead of showing nothing chosen unexplained.
    /// </summary>
    public string? EarlierAnswerNoLongerFits => Answers.EnvironmentalDocument is { } earlier && Documents.All(d => d.Value != earlier) ? earlier : null;

    private static readonly string[] Known = ["SPPL", "UKL-UPL", "AMDAL"];

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
