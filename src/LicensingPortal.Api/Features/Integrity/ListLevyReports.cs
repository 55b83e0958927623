namespace LicensingPortal.Api.Features.Integrity;

/// <summary>
/// The inspectorate's list of reports of demands for money, a page at a time: the unanswered first, then by when they
/// began to wait, newest first (a reporter's addition brings an old report back to the top); how many stand where.
/// </summary>
public static class ListLevyReports
{
    public const int PageSize = 50;

    /// <summary>How much of what happened the list shows; the report shows all of it.</summary>
    public const int SummaryLength = 140;

    /// <summary>One report in the list; <c>Files</c>: how many files of evidence its reporter sent.</summary>
    public sealed record Item(Guid Id, string Number, DateTimeOffset ReceivedAt, DateTimeOffset WaitingSince, LevyReportStatus Status, string Summary, string? Place, long? AmountAsked, bool? Paid, int Files);

    /// <summary>One page of the reports shown (<see cref="Page"/> of <see cref="Pages"/>, from 1), and the counts of all.</summary>
    public sealed record Response(IReadOnlyList<Item> Items, int Page, int Pages, int Received, int InProgress, int Closed);

    /// <summary>
    /// The status as the address names it: received, inProgress or closed (any case); none for every report. Pages
    /// count from 1. A number ("PL-…", as typed or read out) finds that report alone.
    /// </summary>
    public sealed record Query(string? Status, int Page = 1, string? Number = null) : IQuery<Result<Response>>
    {
        public LevyReportStatus? Shown => TryReadStatus(Status, out var status) ? status : null;
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Status).Must(s => TryReadStatus(s, out _)).WithMessage(_ => Texts.Get("Validation.Levy.Status"));
            RuleFor(q => q.Page).InclusiveBetween(1, 100_000).WithMessage(_ => Texts.Get("Validation.Page"));
            RuleFor(q => q.Number).Must(n => string.IsNullOrWhiteSpace(n) || LevyReport.NumberAsWritten(n) is not null).WithMessage(_ => Texts.Get("Validation.Levy.Number"));
        }
    }

    public sealed class Handler(LicensingDbContext db) : IQueryHandler<Query, Result<Response>>
    {
        public async ValueTask<Result<Response>> Handle(Query query, CancellationToken cancellationToken)
        {
            var counts = await db.LevyReports.AsNoTracking().GroupBy(r => r.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            int Count(LevyReportStatus status) => counts.FirstOrDefault(c => c.Status == status)?.Count ?? 0;
            var number = string.IsNullOrWhiteSpace(query.Number) ? null : LevyReport.NumberAsWritten(query.Number);
            // A number names one report at most (its index is unique): one page.
            var shown = number is not null ? 1 : query.Shown is { } status ? Count(status) : counts.Sum(c => c.Count);
            var rows = await db.LevyReports.AsNoTracking()
                .Where(r => query.Shown == null || r.Status == query.Shown)
                .Where(r => number == null || r.Number == number)
                .OrderBy(r => r.Status == LevyReportStatus.Received ? 0 : 1).ThenByDescending(r => r.WaitingSince).ThenByDescending(r => r.Id)
                .Skip((query.Page - 1) * PageSize)
                .Take(PageSize)
                .Select(r => new { r.Id, r.Number, r.ReceivedAt, r.WaitingSince, r.Status, r.WhatHappened, r.Place, r.AmountAsked, r.Paid, Files = db.LevyReportEvidence.Count(e => e.ReportId == r.Id) })
                .ToListAsync(cancellationToken);
            return new Response(
                [.. rows.Select(r => new Item(r.Id, r.Number, r.ReceivedAt, r.WaitingSince, r.Status, Summary(r.WhatHappened), r.Place, r.AmountAsked, r.Paid, r.Files))],
                query.Page,
                Math.Max(1, (shown + PageSize - 1) / PageSize),
                Count(LevyReportStatus.Received),
                Count(LevyReportStatus.InProgress),
                Count(LevyReportStatus.Closed));
        }

        private static string Summary(string text) =>
            text.Length <= SummaryLength ? text : string.Concat(text.AsSpan(0, text.LastIndexOf(' ', SummaryLength) is > 40 and var space ? space : SummaryLength), "…");
    }

    /// <summary>A status as the address names it ("received", "inProgress", "closed"; any case), or none for every report.</summary>
    public static bool TryReadStatus(string? text, out LevyReportStatus? status)
    {
        status = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (text.All(char.IsAsciiLetter) && Enum.TryParse<LevyReportStatus>(text, ignoreCase: true, out var read) && Enum.IsDefined(read))
        {
            status = read;
            return true;
        }

        return false;
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/levy-reports", async Task<Results<Ok<Response>, ProblemHttpResult>> (string? status, int? page, string? number, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(status, page ?? 1, number), cancellationToken)).ToOk())
            .WithName("ListLevyReports")
            .WithSummary("Reports of demands for money, 50 a page (?page=1, 2, …): the unanswered first, then newest first; ?status=received|inProgress|closed; ?number=PL-… for one report; and how many stand where. Each item says how many files of evidence came with it.");
}
