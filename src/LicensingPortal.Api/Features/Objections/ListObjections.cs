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

    /// <summary>Up to <see cref="PageSize"/> objections; <c>Waiting</c> and <c>Late</c> count every unanswered one and those of them past their day.</summary>
    public sealed record Response(IReadOnlyList<Item> Items, int Waiting, int Late);

    /// <summary><c>Take</c>: how many to list (none for the counts alone).</summary>
    public sealed record Query(bool Answered, int Take = PageSize) : IQuery<Result<Response>>;

    public sealed class Handler(LicensingDbContext db, TimeProvider time) : IQueryHandler<Query, Result<Response>>
    {
        public async ValueTask<Result<Response>> Handle(Query query, CancellationToken cancellationToken)
        {
            var today = Wita.Today(time);
            var objections = db.Objections.AsNoTracking().Where(o => (o.AnsweredAt != null) == query.Answered);
            objections = query.Answered
                ? objections.OrderByDescending(o => o.AnsweredAt).ThenBy(o => o.Id)
                : objections.OrderBy(o => o.AnswerDueOn).ThenBy(o => o.FiledAt).ThenBy(o => o.Id);
            var rows = await objections.Take(Math.Clamp(query.Take, 0, PageSize))
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
            return new Response([.. items], counts?.Waiting ?? 0, counts?.Late ?? 0);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/objections", async Task<Results<Ok<Response>, ProblemHttpResult>> (bool? answered, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(answered ?? false), cancellationToken)).ToOk())
            .WithName("ListObjections")
            .WithSummary("Objections to refusals: waiting for an answer, due soonest first (answered=true: answered, latest first), up to 50, with the counts of those waiting and those past their day.");
}
