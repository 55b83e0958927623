using LicensingPortal.Api.Features.Audit;
using LicensingPortal.Api.Features.Catalogue;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Petugas;

/// <summary>
/// The officers' decision search: every filter of GET /api/audit/decisions (the same query), in a GET form so a
/// search can be bookmarked and shared, with stable pages (oldest first, then by id). Officers audit; no page here
/// changes an outcome.
/// </summary>
public sealed class IndexModel : PortalPage
{
    /// <summary>Decisions per page: a phone's screenful or two.</summary>
    public const int PageSize = 25;

    private static readonly Dictionary<string, string> FieldMap = new(StringComparer.Ordinal)
    {
        ["from"] = nameof(FromParts),
        ["to"] = nameof(ToParts),
        ["outcome"] = nameof(Outcome),
        ["kbli"] = nameof(Kbli),
        ["kecamatan"] = nameof(Kecamatan),
        ["permitType"] = nameof(PermitType),
        ["failedRequirement"] = nameof(FailedRequirement),
        ["kind"] = nameof(Kind),
        ["text"] = nameof(Cari),
    };

    /// <summary>A business name, NIB, permit number or application reference.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Cari { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    /// <summary>The first day as the form asks it (an address may still carry <see cref="From"/> as yyyy-MM-dd).</summary>
    [BindProperty(SupportsGet = true)]
    public DateParts FromParts { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public DateParts ToParts { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? Outcome { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kbli { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kecamatan { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? PermitType { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? FailedRequirement { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    public IReadOnlyList<Choice> Kinds { get; } =
    [
        new(SearchDecisions.KindNew, Texts.Get("Audit.Kind.New")),
        new(SearchDecisions.KindRenewal, Texts.Get("Audit.Kind.Renewal")),
        new(SearchDecisions.KindChange, Texts.Get("Audit.Kind.Change")),
    ];

    [BindProperty(SupportsGet = true, Name = "halaman")]
    public int Halaman { get; set; } = 1;

    public SearchDecisions.SearchPage? Results { get; private set; }

    /// <summary>The officer's access history: the latest applicants' documents they opened.</summary>
    public IReadOnlyList<ListDocumentViews.Item> Viewed { get; private set; } = [];

    public IReadOnlyList<Choice> Outcomes { get; } =
    [
        new(Domain.Outcomes.Approved, Texts.Get("Status.Approved")),
        new(Domain.Outcomes.Rejected, Texts.Get("Status.Rejected")),
    ];

    public IReadOnlyList<Choice> KecamatanChoices { get; private set; } = [];

    public IReadOnlyDictionary<string, string> KecamatanNames { get; private set; } = new Dictionary<string, string>();

    /// <summary>The permit types to search by, named ("Sertifikat Laik Higiene Sanitasi (PB-UMKU-SLHS)"), not typed as codes.</summary>
    public IReadOnlyList<Choice> PermitTypeChoices { get; private set; } = [];

    /// <summary>The requirements to search by failure, by their titles.</summary>
    public IReadOnlyList<Choice> RequirementChoices { get; private set; } = [];

    /// <summary>The choices, and a code the address asks for that the rule set in force no longer has (an older rule set's, a bookmark), so the form shows the filter that is applied.</summary>
    private static List<Choice> WithAsked(IEnumerable<Choice> choices, string? asked)
    {
        var list = choices.ToList();
        if (!string.IsNullOrWhiteSpace(asked) && !list.Exists(c => c.Value == asked.Trim()))
        {
            list.Add(new Choice(asked.Trim(), asked.Trim()));
        }

        return list;
    }

    /// <summary>A failed requirement in the results by its title; by its id if the rule set in force no longer has it.</summary>
    public string RequirementTitle(string id) => ruleTerms?.RequirementTitle(id) ?? id;

    private ListRuleTerms.Terms? ruleTerms;

    public int PageCount => Results is null || Results.Total == 0 ? 1 : (int)Math.Ceiling(Results.Total / (double)Results.PageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var areas = await Sender.Send(new ListKelurahan.Query(), cancellationToken);
        KecamatanChoices = areas.Succeeded ? areas.Value.Select(k => new Choice(k.Code, k.Name)).ToList() : [];
        KecamatanNames = KecamatanChoices.ToDictionary(c => c.Value, c => c.Label);
        if (await Sender.Send(new ListRuleTerms.Query(Language), cancellationToken) is { Succeeded: true } terms)
        {
            PermitTypeChoices = WithAsked(terms.Value.PermitTypes.Select(t => new Choice(t.Code, $"{t.Title} ({t.Code})")), PermitType);
            RequirementChoices = WithAsked(terms.Value.Requirements.Select(t => new Choice(t.Code, t.Title)), FailedRequirement);
            ruleTerms = terms.Value;
        }
        Viewed = (await Sender.Send(new ListDocumentViews.Query(UserId), cancellationToken)).Value.Take(10).ToList();
        From = ReadDate(FromParts, nameof(FromParts)) ?? From;
        To = ReadDate(ToParts, nameof(ToParts)) ?? To;
        FromParts = FromParts.IsEmpty ? DateParts.Of(From) : FromParts;
        ToParts = ToParts.IsEmpty ? DateParts.Of(To) : ToParts;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var search = await Sender.Send(
            new SearchDecisions.Query(From, To, Blank(Outcome), Blank(Kbli), Blank(Kecamatan), Blank(PermitType), Blank(FailedRequirement), null, Math.Max(1, Halaman), PageSize, Blank(Kind), Blank(Cari)),
            cancellationToken);
        if (search.Succeeded)
        {
            Results = search.Value;
        }
        else
        {
            ShowErrors(search.Error!, FieldMap);
        }

        return Page();
    }

    /// <summary>The same search as a CSV download of every match (the API's own export).</summary>
    public string CsvUrl()
    {
        var query = new List<string> { "format=csv" };
        void Add(string name, object? value)
        {
            if (value is not null && !string.IsNullOrWhiteSpace(value.ToString()))
            {
                query.Add($"{name}={Uri.EscapeDataString(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!.Trim())}");
            }
        }

        Add("from", From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("outcome", Outcome);
        Add("kbli", Kbli);
        Add("kecamatan", Kecamatan);
        Add("permitType", PermitType);
        Add("failedRequirement", FailedRequirement);
        Add("kind", Kind);
        Add("cari", Cari);
        return "/petugas?handler=Csv&" + string.Join('&', query);
    }

    /// <summary>Every match of the search as CSV (the same query and file as GET /api/audit/decisions?format=csv).</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var search = await Sender.Send(
            new SearchDecisions.Query(From, To, Blank(Outcome), Blank(Kbli), Blank(Kecamatan), Blank(PermitType), Blank(FailedRequirement), null, 1, PageSize, Blank(Kind), Blank(Cari), All: true),
            cancellationToken);
        if (!search.Succeeded)
        {
            return StatusCode(StatusCodes.Status400BadRequest);
        }

        var file = SearchDecisions.ToCsv(search.Value);
        return File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>The address of another page of the same search.</summary>
    public string PageUrl(int page)
    {
        var query = Request.Query.Where(q => q.Key != "halaman").SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? string.Empty)}"));
        return "/petugas?" + string.Join('&', query.Append($"halaman={page}"));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
