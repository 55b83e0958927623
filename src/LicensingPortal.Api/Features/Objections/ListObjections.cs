namespace LicensingPortal.Api.Features.Objections;

/// <summary>
/// The officers' list of objections: those waiting for an answer, the one due soonest first (a late one first of
/// all), or the answered ones, the latest first. Each names the application and its business; counts of the
/// waiting and the late come with either list.
/// </summary>
public static class ListObjections
{
    public const int PageSize = 50;

    /// <summary>One objection (or, on the mayor's office's list, one appeal, by its objection's id and with the appeal's own days); <c>AppealOutcome</c>: the answer to its appeal, once given.</summary>
    public sealed record Item(Guid Id, Guid ApplicationId, string ApplicationReference, string BusinessName, string OwnerName, DateTimeOffset FiledAt, DateOnly AnswerDueOn, bool Late, ObjectionOutcome? Outcome, DateTimeOffset? AnsweredAt, ObjectionOutcome? AppealOutcome = null);

    /// <summary>
    /// One page of up to <see cref="PageSize"/> objections (<see cref="Page"/> of <see cref="Pages"/>, from 1);
    /// <c>Waiting</c> and <c>Late</c> count every unanswered one and those of them past their day; <c>AppealsGranted</c>,
    /// on the officers' list, the appeals the mayor's office granted in the last <see cref="AppealsGrantedDays"/> days,
    /// or left unanswered past their day (granted by law), whose application was not sent again yet: mistakes of the
    /// office's to correct; <c>Granted</c> names the first <see cref="GrantedListed"/> of them.
    /// </summary>
    public sealed record Response(IReadOnlyList<Item> Items, int Waiting, int Late, int AppealsGranted = 0, IReadOnlyList<GrantedAppeal>? Granted = null)
    {
        public int Page { get; init; } = 1;

        public int Pages { get; init; } = 1;
    }

    /// <summary>How long a granted appeal is said on the officers' pages while its application is not sent again.</summary>
    public const int AppealsGrantedDays = 30;

    /// <summary>How many granted appeals the officers' list names (the rest are counted).</summary>
    public const int GrantedListed = 20;

    /// <summary>A granted appeal the office is to act on: its objection, the business, and whether the law granted it (the mayor's office did not answer in time).</summary>
    public sealed record GrantedAppeal(Guid ObjectionId, string BusinessName, bool Deemed);

    /// <summary><c>Take</c>: how many to list (none for the counts alone); <c>Page</c>: which page of them, from 1.</summary>
    public sealed record Query(bool Answered, int Take = PageSize, int Page = 1) : IQuery<Result<Response>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Page).InclusiveBetween(1, 100_000).WithMessage(_ => Texts.Get("Validation.Page"));
    }

    public sealed class Handler(LicensingDbContext db, TimeProvider time) : IQueryHandler<Query, Result<Response>>
    {
        public async ValueTask<Result<Response>> Handle(Query query, CancellationToken cancellationToken)
        {
            var now = time.GetUtcNow();
            var today = Wita.DateOf(now);
            var objections = db.Objections.AsNoTracking().Where(o => (o.AnsweredAt != null) == query.Answered);
            objections = query.Answered
                ? objections.OrderByDescending(o => o.AnsweredAt).ThenBy(o => o.Id)
                : objections.OrderBy(o => o.AnswerDueOn).ThenBy(o => o.FiledAt).ThenBy(o => o.Id);
            var take = Math.Clamp(query.Take, 0, PageSize);
            var rows = await ListedAsync(db, objections, query.Page, take, cancellationToken);
            var counts = await db.Objections.AsNoTracking().Where(o => o.AnsweredAt == null)
                .GroupBy(o => 1)
                .Select(g => new { Waiting = g.Count(), Late = g.Count(o => o.AnswerDueOn < today) })
                .FirstOrDefaultAsync(cancellationToken);
            var since = now.AddDays(-AppealsGrantedDays);
            var grantedAppeals = db.Objections.AsNoTracking()
                .Where(o => o.Appeal != null
                    && ((o.Appeal.Outcome == ObjectionOutcome.Upheld && o.Appeal.AnsweredAt >= since) || (o.Appeal.AnsweredAt == null && o.Appeal.AnswerDueOn < today))
                    && !db.Applications.Any(a => a.PreviousApplicationId == o.ApplicationId));
            var granted = await grantedAppeals.CountAsync(cancellationToken);
            List<GrantedAppeal> named = granted == 0 ? [] : await grantedAppeals.OrderBy(o => o.Id).Take(GrantedListed)
                .Join(db.Applications, o => o.ApplicationId, a => a.Id, (o, a) => new { o.Id, Deemed = o.Appeal!.AnsweredAt == null, a.BusinessId })
                .Join(db.Businesses, x => x.BusinessId, b => b.Id, (x, b) => new GrantedAppeal(x.Id, b.Name, x.Deemed))
                .ToListAsync(cancellationToken);
            var items = rows.Select(r => new Item(
                r.Objection.Id,
                r.Objection.ApplicationId,
                ApplicationReference.Of(r.Objection.ApplicationId),
                r.BusinessName,
                r.OwnerName,
                r.Objection.FiledAt,
                r.Objection.AnswerDueOn,
                r.Objection.IsLate(today),
                r.Objection.Outcome,
                r.Objection.AnsweredAt,
                r.Objection.Appeal?.Outcome));
            var waiting = counts?.Waiting ?? 0;
            var listed = query.Answered ? await db.Objections.AsNoTracking().CountAsync(o => o.AnsweredAt != null, cancellationToken) : waiting;
            return PageOf(items, query.Answered, new Response([], waiting, counts?.Late ?? 0, granted, named), query.Page, take, listed);
        }
    }

    /// <summary>A page of objections with their business's name and owner, in the order given.</summary>
    internal static async Task<List<(Objection Objection, string BusinessName, string OwnerName)>> ListedAsync(LicensingDbContext db, IQueryable<Objection> ordered, int page, int take, CancellationToken cancellationToken) =>
        [.. (await ordered.Skip((page - 1) * take).Take(take)
            .Join(db.Applications, o => o.ApplicationId, a => a.Id, (o, a) => new { Objection = o, a.BusinessId })
            .Join(db.Businesses, x => x.BusinessId, b => b.Id, (x, b) => new { x.Objection, b.Name, b.OwnerName })
            .ToListAsync(cancellationToken)).Select(r => (r.Objection, r.Name, r.OwnerName))];

    /// <summary>
    /// The page's items in the list's order (the join keeps the order on PostgreSQL, not always on SQLite: ordered again
    /// here, the same way) with the counts of <paramref name="counts"/>, and how many pages <paramref name="listed"/> make.
    /// </summary>
    internal static Response PageOf(IEnumerable<Item> items, bool answered, Response counts, int page, int take, int listed) => counts with
    {
        Items = [.. answered ? items.OrderByDescending(i => i.AnsweredAt).ThenBy(i => i.Id) : items.OrderBy(i => i.AnswerDueOn).ThenBy(i => i.FiledAt).ThenBy(i => i.Id)],
        Page = page,
        Pages = take == 0 ? 1 : Math.Max(1, (listed + take - 1) / take),
    };

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/objections", async Task<Results<Ok<Response>, ProblemHttpResult>> (bool? answered, int? page, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(answered ?? false, PageSize, page ?? 1), cancellationToken)).ToOk())
            .WithName("ListObjections")
            .WithSummary("Objections to refusals: waiting for an answer, due soonest first (answered=true: answered, latest first), 50 a page (page=2, …), with the counts of those waiting and those past their day.");
}
