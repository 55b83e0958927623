namespace LicensingPortal.Api.Features.Objections;

/// <summary>
/// The mayor's office's list of appeals: those waiting for an answer, the one due soonest first (a late one first of
/// all), or the answered ones, the latest first, as the officers' list of objections reads (one item an appeal, by
/// its objection's id, with the appeal's own days); counts of the waiting and the late come with either list.
/// </summary>
public static class ListAppeals
{
    /// <summary><c>Take</c>: how many to list (none for the counts alone); <c>Page</c>: which page of them, from 1.</summary>
    public sealed record Query(bool Answered, int Take = ListObjections.PageSize, int Page = 1) : IQuery<Result<ListObjections.Response>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Page).InclusiveBetween(1, 100_000).WithMessage(_ => Texts.Get("Validation.Page"));
    }

    public sealed class Handler(LicensingDbContext db, TimeProvider time) : IQueryHandler<Query, Result<ListObjections.Response>>
    {
        public async ValueTask<Result<ListObjections.Response>> Handle(Query query, CancellationToken cancellationToken)
        {
            var today = Wita.Today(time);
            var appealed = db.Objections.AsNoTracking().Where(o => o.Appeal != null);
            var listed = appealed.Where(o => (o.Appeal!.AnsweredAt != null) == query.Answered);
            listed = query.Answered
                ? listed.OrderByDescending(o => o.Appeal!.AnsweredAt).ThenBy(o => o.Id)
                : listed.OrderBy(o => o.Appeal!.AnswerDueOn).ThenBy(o => o.Appeal!.FiledAt).ThenBy(o => o.Id);
            var take = Math.Clamp(query.Take, 0, ListObjections.PageSize);
            var rows = await ListObjections.ListedAsync(db, listed, query.Page, take, cancellationToken);
            // Two counts, not one grouped query: EF does not translate an owned value's column inside a group's aggregate.
            var waiting = await appealed.CountAsync(o => o.Appeal!.AnsweredAt == null, cancellationToken);
            var late = await appealed.CountAsync(o => o.Appeal!.AnsweredAt == null && o.Appeal.AnswerDueOn < today, cancellationToken);
            var items = rows.Select(r => new ListObjections.Item(
                r.Objection.Id,
                r.Objection.ApplicationId,
                ApplicationReference.Of(r.Objection.ApplicationId),
                r.BusinessName,
                r.OwnerName,
                r.Objection.Appeal!.FiledAt,
                r.Objection.Appeal.AnswerDueOn,
                r.Objection.Appeal.IsLate(today),
                r.Objection.Appeal.Outcome,
                r.Objection.Appeal.AnsweredAt));
            var count = query.Answered ? await appealed.CountAsync(o => o.Appeal!.AnsweredAt != null, cancellationToken) : waiting;
            return ListObjections.PageOf(items, query.Answered, new ListObjections.Response([], waiting, late), query.Page, take, count);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet(string.Empty, async Task<Results<Ok<ListObjections.Response>, ProblemHttpResult>> (bool? answered, int? page, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(answered ?? false, ListObjections.PageSize, page ?? 1), cancellationToken)).ToOk())
            .WithName("ListAppeals")
            .WithSummary("Appeals to the mayor after a refusal stood on objection: waiting for an answer, due soonest first (answered=true: answered, latest first), 50 a page (page=2, …), each by its objection's id with the appeal's own days, and the counts of those waiting and those past their day.");
}
