namespace LicensingPortal.Api.Features.Objections;

/// <summary>
/// The officers' list of objections: those waiting for an answer, the one due soonest first (a late one first of
/// all), or the answered ones, the latest first. Each names the application and its business; counts of the
/// waiting and the late come with either list.
/// </summary>
public static class ListObjections
{
    public const int PageSize = 50;

    public sealed record Item(Guid Id, Guid ApplicationId, string ApplicationReference, string BusinessName, string OwnerName, DateTimeOffset FiledAt, DateOnly AnswerDueOn, bool Late, ObjectionOutcome? Outcome, DateTimeOffset? AnsweredAt);

    /// <summary>
    /// One page of up to <see cref="PageSize"/> objections (<see cref="Page"/> of <see cref="Pages"/>, from 1);
    /// <c>Waiting</c> and <c>Late</c> count every unanswered one and those of them past their day.
    /// </summary>
    public sealed record Response(IReadOnlyList<Item> Items, int Waiting, int Late)
    {
        public int Page { get; init; } = 1;

        public int Pages { get; init; } = 1;
    }

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
            var today = Wita.Today(time);
            var objections = db.Objections.AsNoTracking().Where(o => (o.AnsweredAt != null) == query.Answered);
            objections = query.Answered
                ? objections.OrderByDescending(o => o.AnsweredAt).ThenBy(o => o.Id)
                : objections.OrderBy(o => o.AnswerDueOn).ThenBy(o => o.FiledAt).ThenBy(o => o.Id);
            var take = Math.Clamp(query.Take, 0, PageSize);
            var rows = await objections.Skip((query.Page - 1) * take).Take(take)
                .Join(db.Applications, o => o.ApplicationId, a => a.Id, (o, a) => new { Objection = o, a.BusinessId })
                .Join(db.Businesses, x => x.BusinessId, b => b.Id, (x, b) => new { x.Objection, b.Name, b.OwnerName })
                .ToListAsync(cancellationToken);
            var counts = await db.Objections.AsNoTracking().Where(o => o.AnsweredAt == null)
                .GroupBy(o => 1)
                .Select(g => new { Waiting = g.Count(), Late = g.Count(o => o.AnswerDueOn < today) })
                .FirstOrDefaultAsync(cancellationToken);
            var items = rows.Select(r => new Item(
                r.Objection.Id,
                r.Objection.ApplicationId,
                ApplicationReference.Of(r.Objection.ApplicationId),
                r.Name,
                r.OwnerName,
                r.Objection.FiledAt,
                r.Objection.AnswerDueOn,
                r.Objection.IsLate(today),
                r.Objection.Outcome,
                r.Objection.AnsweredAt));
            // The join keeps the order on PostgreSQL, not always on SQLite: ordered again here, the same way.
            items = query.Answered
                ? items.OrderByDescending(i => i.AnsweredAt).ThenBy(i => i.Id)
                : items.OrderBy(i => i.AnswerDueOn).ThenBy(i => i.FiledAt).ThenBy(i => i.Id);
            var waiting = counts?.Waiting ?? 0;
            var listed = query.Answered ? await db.Objections.AsNoTracking().CountAsync(o => o.AnsweredAt != null, cancellationToken) : waiting;
            return new Response([.. items], waiting, counts?.Late ?? 0)
            {
                Page = query.Page,
                Pages = take == 0 ? 1 : Math.Max(1, (listed + take - 1) / take),
            };
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/objections", async Task<Results<Ok<Response>, ProblemHttpResult>> (bool? answered, int? page, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(answered ?? false, PageSize, page ?? 1), cancellationToken)).ToOk())
            .WithName("ListObjections")
            .WithSummary("Objections to refusals: waiting for an answer, due soonest first (answered=true: answered, latest first), 50 a page (page=2, …), with the counts of those waiting and those past their day.");
}
