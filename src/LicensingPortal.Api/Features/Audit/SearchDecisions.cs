namespace LicensingPortal.Api.Features.Audit;

/// <summary>
/// Officers search decisions by business name, owner's name, NIB, permit number, application reference or the
/// applicant's e-mail (one box), local (WITA)
/// date range, outcome, KBLI, kecamatan, permit type, failed requirement, applicant and kind (a new application, a
/// renewal or a change), in a stable order (decision time, then application id), a page at a time, or every match
/// (up to <see cref="MaxCsvRows"/>) as CSV.
/// </summary>
public static class SearchDecisions
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>The most rows a CSV download holds.</summary>
    public const int MaxCsvRows = 10_000;

    /// <summary>The dates a search may name: far enough either way for any record, near enough for every calendar computation.</summary>
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);
    public static readonly DateOnly LatestDate = new(2999, 12, 31);

    public sealed record Item(Guid ApplicationId, Guid BusinessId, string Outcome, DateTimeOffset DecidedAt, IReadOnlyList<string> Kbli, string? Kecamatan, IReadOnlyList<string> RequiredPermits, IReadOnlyList<string> FailedRequirements, string RuleSetHash, ApplicationKind Kind = ApplicationKind.New)
    {
        /// <summary>The application's reference as people read it ("LP-XXXX-XXXX").</summary>
        public string Reference => ApplicationReference.Of(ApplicationId);

        public string BusinessName { get; init; } = string.Empty;

        /// <summary>The business owner's name as registered: two businesses of one name are told apart by who owns them.</summary>
        public string OwnerName { get; init; } = string.Empty;
    }

    public sealed record SearchPage(int Page, int PageSize, int Total, IReadOnlyList<Item> Items);

    public sealed record Query(
        DateOnly? From = null,
        DateOnly? To = null,
        string? Outcome = null,
        string? Kbli = null,
        string? Kecamatan = null,
        string? PermitType = null,
        string? FailedRequirement = null,
        Guid? Applicant = null,
        int Page = 1,
        int PageSize = DefaultPageSize,
        string? Kind = null,
        string? Text = null,
        bool All = false) : IQuery<Result<SearchPage>>;

    /// <summary>The kinds a search names: a first application (or its correction), the renewal of a permit, or a change of a running business.</summary>
    public const string KindNew = "new";
    public const string KindRenewal = "renewal";
    public const string KindChange = "change";

    public sealed class Validator : AbstractValidator<Query>
    {
        private static string DateRange => Texts.Format("Validation.Search.DateRange", Cultures.Date(EarliestDate), Cultures.Date(LatestDate));

        public Validator()
        {
            RuleFor(q => q.From).InclusiveBetween(EarliestDate, LatestDate).When(q => q.From is not null).WithMessage(_ => DateRange);
            RuleFor(q => q.To).InclusiveBetween(EarliestDate, LatestDate).When(q => q.To is not null).WithMessage(_ => DateRange);
            RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).When(q => q.From is not null && q.To is not null).WithMessage(_ => Texts.Get("Validation.ToAfterFrom"));
            RuleFor(q => q.Outcome).Must(Outcomes.IsKnown).When(q => q.Outcome is not null).WithMessage(_ => Texts.Get("Validation.Search.Outcome"));
            RuleFor(q => q.Kbli).MaximumLength(5);
            RuleFor(q => q.Kecamatan).MaximumLength(10);
            RuleFor(q => q.PermitType).MaximumLength(40);
            RuleFor(q => q.FailedRequirement).MaximumLength(100);
            RuleFor(q => q.Page).InclusiveBetween(1, 1_000_000);
            RuleFor(q => q.PageSize).InclusiveBetween(1, MaxPageSize);
            RuleFor(q => q.Text).Must(t => t!.Trim().Length is >= 3 and <= 100).When(q => q.Text is not null).WithMessage(_ => Texts.Get("Validation.SearchText"));
            RuleFor(q => q.Kind).Must(k => k is KindNew or KindRenewal or KindChange).When(q => q.Kind is not null).WithMessage(_ => Texts.Get("Validation.Search.Kind"));
        }
    }

    public sealed class Handler(ReadModel model, Microsoft.AspNetCore.Identity.ILookupNormalizer normalizer) : IQueryHandler<Query, Result<SearchPage>>
    {
        private readonly LicensingDbContext db = model.Db;

        public async ValueTask<Result<SearchPage>> Handle(Query query, CancellationToken cancellationToken)
        {
            var decided = db.Applications.AsNoTracking().Where(a => a.Decision != null);
            if (query.From is { } start)
            {
                var since = Wita.StartOf(start);
                decided = decided.Where(a => a.Decision!.DecidedAt >= since);
            }

            if (query.To is { } end)
            {
                var until = Wita.StartOfDayAfter(end);
                decided = decided.Where(a => a.Decision!.DecidedAt < until);
            }

            if (query.Outcome is { } outcome)
            {
                var approved = outcome == Outcomes.Approved;
                decided = decided.Where(a => a.Decision!.Approved == approved);
            }

            if (query.Kbli is { } kbli)
            {
                decided = decided.Where(a => a.KbliCodes.Contains(kbli));
            }

            if (query.Kecamatan is { } kecamatan)
            {
                decided = decided.Where(a => a.KecamatanCode == kecamatan);
            }

            if (query.PermitType is { } permitType)
            {
                decided = decided.Where(a => a.Decision!.RequiredPermits.Contains(permitType));
            }

            if (query.FailedRequirement is { } failed)
            {
                decided = decided.Where(a => a.Decision!.FailedRequirementIds.Contains(failed));
            }

            if (query.Applicant is { } owner)
            {
                var owned = db.BusinessesOf(owner).Select(b => b.Id);
                decided = decided.Where(a => owned.Contains(a.BusinessId));
            }

            if (query.Kind is { } kind)
            {
                decided = kind switch
                {
                    KindRenewal => decided.Where(a => a.RenewsPermitId != null),
                    KindChange => decided.Where(a => a.ChangesApplicationId != null),
                    _ => decided.Where(a => a.RenewsPermitId == null && a.ChangesApplicationId == null),
                };
            }

            if (query.Text?.Trim() is { Length: > 0 } text)
            {
                decided = Matching(decided, text);
            }

            var total = await decided.CountAsync(cancellationToken);
            var ordered = decided.OrderBy(a => a.Decision!.DecidedAt).ThenBy(a => a.Id);
            var chosen = query.All ? ordered.Take(MaxCsvRows) : ordered.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize);
            var items = await chosen
                .Join(db.Businesses, a => a.BusinessId, b => b.Id, (a, b) => new { a, b.Name, b.OwnerName })
                .Select(x => new Item(x.a.Id, x.a.BusinessId, x.a.Decision!.Approved ? Outcomes.Approved : Outcomes.Rejected, x.a.Decision.DecidedAt, x.a.KbliCodes, x.a.KecamatanCode, x.a.Decision.RequiredPermits, x.a.Decision.FailedRequirementIds, x.a.Decision.RuleSetHash, x.a.ChangesApplicationId != null ? ApplicationKind.Change : x.a.RenewsPermitId != null ? ApplicationKind.Renewal : ApplicationKind.New) { BusinessName = x.Name, OwnerName = x.OwnerName })
                .ToListAsync(cancellationToken);
            return new SearchPage(query.Page, query.PageSize, total, items.OrderBy(i => i.DecidedAt).ThenBy(i => i.ApplicationId).ToList());
        }

        /// <summary>
        /// The applications one typed text finds: by the application's reference, the business's NIB, part of its name or of its owner's name,
        /// the number (or part of it) of a permit the application issued, or the applicant account's whole e-mail address
        /// (every business of that account, as the case page shows the address). Translated to SQL on both providers.
        /// </summary>
        private IQueryable<PermitApplication> Matching(IQueryable<PermitApplication> decided, string text)
        {
            var term = text.ToLowerInvariant();
            // ToLower, Contains and EndsWith are translated to SQL (lower(), LIKE/instr/strpos) on both providers, not run in .NET.
#pragma warning disable CA1304, CA1311, CA1862
            // An e-mail address is compared normalised, as Identity stores it (its index answers); other text finds no account.
            var email = text.Contains('@', StringComparison.Ordinal) ? normalizer.NormalizeEmail(text) : null;
            var owners = db.Users.Where(u => email != null && u.NormalizedEmail == email).Select(u => u.Id);
            var businessIds = db.Businesses.Where(b => b.Nib == text || b.Name.ToLower().Contains(term) || b.OwnerName.ToLower().Contains(term) || owners.Contains(b.OwnerId)).Select(b => b.Id);
            var permits = db.Permits.Where(p => p.Number.ToLower().Contains(term)).Select(p => p.ApplicationId);
            if (ApplicationReference.IdSuffixOf(text) is { } suffix)
            {
                // The reference is the id's last 40 bits: its text form ends with them (lower case on PostgreSQL, upper on SQLite).
                return decided.Where(a => a.Id.ToString().ToLower().EndsWith(suffix) || businessIds.Contains(a.BusinessId) || permits.Contains(a.Id));
            }

            return decided.Where(a => businessIds.Contains(a.BusinessId) || permits.Contains(a.Id));
#pragma warning restore CA1304, CA1311, CA1862
        }
    }

    /// <summary>Every match as CSV: one row per decision, lists joined with spaces.</summary>
    public static FileDownload ToCsv(SearchPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return Csv.Table(
            "decisions",
            ["reference", "application_id", "business", "outcome", "decided_at", "kind", "kbli", "kecamatan", "required_permits", "failed_requirements", "rule_set_hash"],
            page.Items.Select(i => new object?[]
            {
                i.Reference, i.ApplicationId, i.BusinessName, i.Outcome, i.DecidedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture), i.Kind.ToString().ToLowerInvariant(),
                string.Join(' ', i.Kbli), i.Kecamatan, string.Join(' ', i.RequiredPermits), string.Join(' ', i.FailedRequirements), i.RuleSetHash,
            }));
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/decisions", async Task<Results<Ok<SearchPage>, FileContentHttpResult, ProblemHttpResult>> (
                DateOnly? from, DateOnly? to, string? outcome, string? kbli, string? kecamatan, string? permitType, string? failedRequirement, Guid? applicant, int? page, int? pageSize, string? kind, string? q, string? format,
                ISender sender, CancellationToken cancellationToken) =>
            {
                var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
                var result = await sender.Send(new Query(from, to, outcome, kbli, kecamatan, permitType, failedRequirement, applicant, page ?? 1, pageSize ?? DefaultPageSize, kind, q, csv), cancellationToken);
                return !result.Succeeded ? result.Error!.ToProblem() : csv ? TypedResults.File(ToCsv(result.Value).Content, "text/csv", "decisions.csv") : TypedResults.Ok(result.Value);
            })
            .WithName("SearchDecisions")
            .WithSummary("Search decisions by business name, owner's name, NIB, permit number, application reference or the applicant's whole e-mail address (q), local date range, outcome, KBLI, kecamatan, permit type, failed requirement, applicant and kind (new, renewal or change); stable order, paged; format=csv for every match as CSV.");
}
