using System.Globalization;
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
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kbli { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kecamatan { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? PermitType { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? FailedRequirement { get; set; }

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

    /// <summary>The objections waiting for an answer, said first: their days run whatever the officer came to do.</summary>
    public Features.Objections.ListObjections.Response? Objections { get; private set; }

    /// <summary>The applicants' questions waiting for an answer, said first for the same reason.</summary>
    public Features.Questions.ListQuestions.Response? Questions { get; private set; }

    /// <summary>The inspectors' visits to book and those booked, said first: a business may wait on one to open.</summary>
    public Features.Inspections.ListInspections.Response? Inspections { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadTermsAsync(cancellationToken);
        Objections = (await Sender.Send(new Features.Objections.ListObjections.Query(Answered: false, Take: 0), cancellationToken)).Value;
        Questions = (await Sender.Send(new Features.Questions.ListQuestions.Query(Answered: false, Take: 0), cancellationToken)).Value;
        Inspections = (await Sender.Send(new Features.Inspections.ListInspections.Query(), cancellationToken)).Value;
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
            await LoadActivitiesAsync(search.Value.Items, cancellationToken);
        }
        else
        {
            ShowErrors(search.Error!, FieldMap);
        }

        return Page();
    }

    /// <summary>The same search as a download of every match: <paramref name="handler"/> "Excel" for people, "Csv" for audit tools.</summary>
    public string DownloadUrl(string handler)
    {
        var query = new List<string>();
        void Add(string name, object? value)
        {
            if (value is not null && !string.IsNullOrWhiteSpace(value.ToString()))
            {
                query.Add($"{name}={Uri.EscapeDataString(Convert.ToString(value, CultureInfo.InvariantCulture)!.Trim())}");
            }
        }

        Add("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("outcome", Outcome);
        Add("kbli", Kbli);
        Add("kecamatan", Kecamatan);
        Add("permitType", PermitType);
        Add("failedRequirement", FailedRequirement);
        Add("kind", Kind);
        Add("cari", Cari);
        return $"/petugas?handler={handler}&" + string.Join('&', query);
    }

    /// <summary>Every match of the search as CSV (the same query and file as GET /api/audit/decisions?format=csv), codes and rule-set hashes included.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var search = await SearchAllAsync(cancellationToken);
        if (!search.Succeeded)
        {
            return StatusCode(StatusCodes.Status400BadRequest);
        }

        var file = SearchDecisions.ToCsv(search.Value);
        return File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>
    /// Every match of the search as an Excel workbook, as the results read on the page: the business, the application's
    /// reference, when it was decided (WITA), the outcome and kind in words, activities, kecamatan, permits and failed
    /// requirements by name.
    /// </summary>
    public async Task<IActionResult> OnGetExcelAsync(CancellationToken cancellationToken)
    {
        var search = await SearchAllAsync(cancellationToken);
        if (!search.Succeeded)
        {
            return StatusCode(StatusCodes.Status400BadRequest);
        }

        await LoadTermsAsync(cancellationToken);
        await LoadActivitiesAsync(search.Value.Items, cancellationToken);
        static SheetColumn Text(string key) => SheetColumn.Titled(key);
        var file = Spreadsheet.Table(
            Texts.Format("Audit.Sheet.File", Wita.Today(Clock).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            Texts.Get("Audit.Sheet.Name"),
            [
                Text("Audit.Sheet.Business"), Text("Audit.Sheet.Reference"), SheetColumn.Titled("Audit.Sheet.DecidedAt", SheetValue.Moment), Text("Field.Outcome"),
                Text("Audit.Sheet.Kind"), Text("Field.Kbli"), Text("Field.Kecamatan"), Text("Audit.Sheet.Permits"), Text("Audit.Failed"),
            ],
            search.Value.Items.Select(i => (IReadOnlyList<object?>)
            [
                i.BusinessName, i.Reference, Wita.ClockOf(i.DecidedAt), Texts.Get(i.Outcome == Domain.Outcomes.Approved ? "Status.Approved" : "Status.Rejected"),
                Texts.Get($"Audit.Kind.{i.Kind}"), string.Join("; ", i.Kbli.Select(ActivityName)), i.Kecamatan is { } k ? KecamatanNames.GetValueOrDefault(k, k) : null,
                string.Join("; ", i.RequiredPermits.Select(PermitTitle)), string.Join("; ", i.FailedRequirements.Select(RequirementTitle)),
            ]));
        return File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>An activity as "its title (its KBLI code)", by its code alone if the rule set in force does not list it.</summary>
    public string ActivityName(string code) => activities.TryGetValue(code, out var title) ? $"{title} ({code})" : code;

    public string PermitTitle(string code) => ruleTerms?.PermitTitle(code) ?? code;

    private readonly Dictionary<string, string> activities = new(StringComparer.Ordinal);

    private Task<Result<SearchDecisions.SearchPage>> SearchAllAsync(CancellationToken cancellationToken) =>
        Sender.Send(
            new SearchDecisions.Query(From, To, Blank(Outcome), Blank(Kbli), Blank(Kecamatan), Blank(PermitType), Blank(FailedRequirement), null, 1, PageSize, Blank(Kind), Blank(Cari), All: true),
            cancellationToken).AsTask();

    /// <summary>The kecamatan, permit types and requirements of the rule set in force, for the filters and the results' names.</summary>
    private async Task LoadTermsAsync(CancellationToken cancellationToken)
    {
        var areas = await Sender.Send(new ListKelurahan.Query(), cancellationToken);
        KecamatanChoices = areas.Succeeded ? areas.Value.Select(k => new Choice(k.Code, k.Name)).ToList() : [];
        KecamatanNames = KecamatanChoices.ToDictionary(c => c.Value, c => c.Label);
        if (await Sender.Send(new ListRuleTerms.Query(Language), cancellationToken) is { Succeeded: true } terms)
        {
            // By title, as the results name them; a title two permits share keeps its code to tell them apart.
            var shared = terms.Value.PermitTypes.GroupBy(t => t.Title, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
            PermitTypeChoices = WithAsked(terms.Value.PermitTypes.Select(t => new Choice(t.Code, shared.Contains(t.Title) ? $"{t.Title} ({t.Code})" : t.Title)), PermitType);
            RequirementChoices = WithAsked(terms.Value.Requirements.Select(t => new Choice(t.Code, t.Title)), FailedRequirement);
            ruleTerms = terms.Value;
        }
    }

    /// <summary>The titles of the activities the results name (FindActivities takes a few codes at a time).</summary>
    private async Task LoadActivitiesAsync(IEnumerable<SearchDecisions.Item> items, CancellationToken cancellationToken)
    {
        foreach (var codes in items.SelectMany(i => i.Kbli).Distinct(StringComparer.Ordinal).Chunk(FindActivities.MaxCodes))
        {
            if (await Sender.Send(new FindActivities.Query(null, codes, Language), cancellationToken) is { Succeeded: true } found)
            {
                foreach (var activity in found.Value)
                {
                    activities[activity.Code] = activity.Title;
                }
            }
        }
    }

    /// <summary>The address of another page of the same search.</summary>
    public string PageUrl(int page)
    {
        var query = Request.Query.Where(q => q.Key != "halaman").SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? string.Empty)}"));
        return "/petugas?" + string.Join('&', query.Append($"halaman={page}"));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
