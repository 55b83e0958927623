namespace LicensingPortal.Api.Features.Audit;

/// <summary>
/// Officers search decisions by local (WITA) date range, outcome, KBLI, kecamatan, permit type, failed
/// requirement, applicant and kind (a new application, a renewal or a change), in a stable order (decision time, then application id), a page at a time.
/// </summary>
public static class SearchDecisions
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>The dates a search may name: far enough either way for any record, near enough for every calendar computation.</summary>
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);
    public static readonly DateOnly LatestDate = new(2999, 12, 31);

    public sealed record Item(Guid ApplicationId, Guid BusinessId, string Outcome, DateTimeOffset DecidedAt, IReadOnlyList<string> Kbli, string? Kecamatan, IReadOnlyList<string> RequiredPermits, IReadOnlyList<string> FailedRequirements, string RuleSetHash, ApplicationKind Kind = ApplicationKind.New);

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
        string? Kind = null) : IQuery<Result<SearchPage>>;

    /// <summary>The kinds a search names: a first application (or its correction), the renewal of a permit, or a change of a running business.</summary>
    public const string KindNew = "new";
    public const string KindRenewal = "renewal";
    public const string KindChange = "change";

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.From).InclusiveBetween(EarliestDate, LatestDate).When(q => q.From is not null);
            RuleFor(q => q.To).InclusiveBetween(EarliestDate, LatestDate).When(q => q.To is not null);
            RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).When(q => q.From is not null && q.To is not null).WithMessage("'to' is on or after 'from'.");
            RuleFor(q => q.Outcome).Must(Outcomes.IsKnown).When(q => q.Outcome is not null).WithMessage("outcome is 'approved' or 'rejected'.");
            RuleFor(q => q.Kbli).MaximumLength(5);
            RuleFor(q => q.Kecamatan).MaximumLength(10);
            RuleFor(q => q.PermitType).MaximumLength(40);
            RuleFor(q => q.FailedRequirement).MaximumLength(100);
            RuleFor(q => q.Page).InclusiveBetween(1, 1_000_000);
            RuleFor(q => q.PageSize).InclusiveBetween(1, MaxPageSize);
            RuleFor(q => q.Kind).Must(k => k is KindNew or KindRenewal or KindChange).When(q => q.Kind is not null).WithMessage("kind is 'new', 'renewal' or 'change'.");
        }
    }

    public sealed class Handler(LicensingDbContext db) : IQueryHandler<Query, Result<SearchPage>>
    {
        public async ValueTask<Result<SearchPage>> Handle(Query query, CancellationToken cancellationToken)
        {
            var decided = db.Applications.AsNoTracking().Where(a => a.Decision != null);
            if (query.From is { } start)
            {
                var since = new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), Wita.Offset).ToUniversalTime();
                decided = decided.Where(a => a.Decision!.DecidedAt >= since);
            }

            if (query.To is { } end)
            {
                var until = new DateTimeOffset(end.AddDays(1).ToDateTime(TimeOnly.MinValue), Wita.Offset).ToUniversalTime();
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

            var total = await decided.CountAsync(cancellationToken);
            var items = await decided
                .OrderBy(a => a.Decision!.DecidedAt).ThenBy(a => a.Id)
                .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
                .Select(a => new Item(a.Id, a.BusinessId, a.Decision!.Approved ? Outcomes.Approved : Outcomes.Rejected, a.Decision.DecidedAt, a.KbliCodes, a.KecamatanCode, a.Decision.RequiredPermits, a.Decision.FailedRequirementIds, a.Decision.RuleSetHash, a.ChangesApplicationId != null ? ApplicationKind.Change : a.RenewsPermitId != null ? ApplicationKind.Renewal : ApplicationKind.New))
                .ToListAsync(cancellationToken);
            return new SearchPage(query.Page, query.PageSize, total, items);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/decisions", async Task<Results<Ok<SearchPage>, ProblemHttpResult>> (
                DateOnly? from, DateOnly? to, string? outcome, string? kbli, string? kecamatan, string? permitType, string? failedRequirement, Guid? applicant, int? page, int? pageSize, string? kind,
                ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(from, to, outcome, kbli, kecamatan, permitType, failedRequirement, applicant, page ?? 1, pageSize ?? DefaultPageSize, kind), cancellationToken)).ToOk())
            .WithName("SearchDecisions")
            .WithSummary("Search decisions by local date range, outcome, KBLI, kecamatan, permit type, failed requirement, applicant and kind (new, renewal or change); stable order, paged.");
}
