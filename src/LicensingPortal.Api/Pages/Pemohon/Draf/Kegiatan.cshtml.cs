using LicensingPortal.Api.Features.Applications;
using LicensingPortal.Api.Features.Catalogue;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Pemohon.Draf;

/// <summary>
/// The activities (KBLI) of the application, chosen with the KBLI finder: search by words in either language, see
/// each activity's risk at each business scale, choose or remove. The choice travels in the address until it is
/// saved, so the page works without JavaScript.
/// </summary>
public sealed class KegiatanModel : DraftStepPage
{
    private static readonly Dictionary<string, string> FieldMap = new(StringComparer.Ordinal) { ["kbli"] = nameof(Kbli) };

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>The choice so far, from the address while searching.</summary>
    [BindProperty(SupportsGet = true, Name = "pilih")]
    public List<string>? Picked { get; set; }

    [BindProperty]
    public List<string> Kbli { get; set; } = [];

    public IReadOnlyList<FindActivities.Activity> Chosen { get; private set; } = [];

    public IReadOnlyList<FindActivities.Activity> Found { get; private set; } = [];

    public override string Step => ApplicationSteps.Activities;

    protected override IReadOnlyDictionary<string, string> Fields => FieldMap;

    public override async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context, Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var executed = await next();
        if (executed.Result is Microsoft.AspNetCore.Mvc.RazorPages.PageResult)
        {
            var codes = !HttpMethods.IsPost(Request.Method) && Request.Query.ContainsKey("pilih") ? (Picked ?? []).OfType<string>().Where(c => c.Length > 0).ToList() : Kbli;
            var chosen = codes.Count == 0 ? null : await Sender.Send(new FindActivities.Query(null, codes.Distinct().Take(FindActivities.MaxCodes).ToList(), Language), HttpContext.RequestAborted);
            Chosen = chosen is { Succeeded: true } ? chosen.Value : [];
            if (!string.IsNullOrWhiteSpace(Q))
            {
                var found = await Sender.Send(new FindActivities.Query(Q, null, Language), HttpContext.RequestAborted);
                Found = found.Succeeded ? found.Value : [];
            }
        }
    }

    /// <summary>
    /// An activity's risk by the size of the business, the sizes that share a level together, each size first: "Usaha
    /// mikro dan kecil: risiko rendah. Usaha menengah: risiko menengah rendah." (the size is asked later; this is what
    /// each would mean).
    /// </summary>
    public static string RiskLine(FindActivities.Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpper(text[0], System.Globalization.CultureInfo.CurrentUICulture) + text[1..];
        var levels = activity.RiskByScale.GroupBy(r => r.RiskLevel).ToList();
        return levels.Count == 1
            ? Capitalised(Texts.Format("Journey.Activities.RiskForAll", levels[0].First().RiskTitle.ToLower(culture)))
            : string.Join(' ', levels.Select(level => Capitalised(Texts.Format("Journey.Activities.RiskFor", PlainWords.JoinWithAnd([.. level.Select(r => Texts.Get($"Scale.{r.Scale}"))]), level.First().RiskTitle.ToLower(culture)))));
    }

    protected override void Show(ApplicationRequest answers) => Kbli = [.. answers.Kbli ?? []];

    protected override ApplicationRequest? Read() => Answers with { Kbli = Kbli.Where(k => !string.IsNullOrWhiteSpace(k)).Distinct().ToList() };
}
