namespace LicensingPortal.Api.Features.Questions;

/// <summary>
/// The officers' list of applicants' questions: those waiting for an answer, the one due soonest first (a late one
/// first of all), or the answered ones, the latest first; 50 a page, with the counts of the waiting and the late.
/// </summary>
public static class ListQuestions
{
    public const int PageSize = 50;

    /// <summary>
    /// One question in the list: its topic, the business of the application it is about (when asked from one), the
    /// start of its text, who asked (their e-mail address), and when it is due or was answered.
    /// </summary>
    public sealed record Item(Guid Id, QuestionTopic Topic, string? BusinessName, string Excerpt, string AskerEmail, DateTimeOffset AskedAt, DateOnly AnswerDueOn, bool Late, DateTimeOffset? AnsweredAt);

    /// <summary>One page (<see cref="Page"/> of <see cref="Pages"/>); <c>Waiting</c> and <c>Late</c> count every unanswered question and those of them past their day.</summary>
    public sealed record Response(IReadOnlyList<Item> Items, int Waiting, int Late, int Page, int Pages);

    /// <summary><c>Take</c>: how many to list (none for the counts alone); <c>Page</c>: which page, from 1.</summary>
    public sealed record Query(bool Answered, int Take = PageSize, int Page = 1) : IQuery<Result<Response>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Page).InclusiveBetween(1, 100_000).WithMessage(_ => Texts.Get("Validation.Page"));
    }

    /// <summary>How much of a question the list shows.</summary>
    public const int ExcerptLength = 160;

    public sealed class Handler(LicensingDbContext db, TimeProvider time) : IQueryHandler<Query, Result<Response>>
    {
        public async ValueTask<Result<Response>> Handle(Query query, CancellationToken cancellationToken)
        {
            var today = Wita.Today(time);
            var questions = db.Questions.AsNoTracking().Where(q => (q.AnsweredAt != null) == query.Answered);
            questions = query.Answered
                ? questions.OrderByDescending(q => q.AnsweredAt).ThenBy(q => q.Id)
                : questions.OrderBy(q => q.AnswerDueOn).ThenBy(q => q.AskedAt).ThenBy(q => q.Id);
            var take = Math.Clamp(query.Take, 0, PageSize);
            var rows = await questions.Skip((query.Page - 1) * take).Take(take)
                .Join(db.Users, q => q.AskerId, u => u.Id, (q, u) => new { Question = q, u.Email })
                .ToListAsync(cancellationToken);
            var businesses = await QuestionReads.BusinessesAsync(db, rows.Select(r => r.Question), cancellationToken);
            var counts = await db.Questions.AsNoTracking().Where(q => q.AnsweredAt == null)
                .GroupBy(q => 1)
                .Select(g => new { Waiting = g.Count(), Late = g.Count(q => q.AnswerDueOn < today) })
                .FirstOrDefaultAsync(cancellationToken);
            var items = rows.Select(r => new Item(
                r.Question.Id,
                r.Question.Topic,
                r.Question.ApplicationId is { } id ? businesses.GetValueOrDefault(id) : null,
                Excerpt(r.Question.Text),
                r.Email ?? string.Empty,
                r.Question.AskedAt,
                r.Question.AnswerDueOn,
                r.Question.IsLate(today),
                r.Question.AnsweredAt));
            // The join keeps the order on PostgreSQL, not always on SQLite: ordered again here, the same way.
            items = query.Answered
                ? items.OrderByDescending(i => i.AnsweredAt).ThenBy(i => i.Id)
                : items.OrderBy(i => i.AnswerDueOn).ThenBy(i => i.AskedAt).ThenBy(i => i.Id);
            var waiting = counts?.Waiting ?? 0;
            var listed = query.Answered ? await db.Questions.AsNoTracking().CountAsync(q => q.AnsweredAt != null, cancellationToken) : waiting;
            return new Response([.. items], waiting, counts?.Late ?? 0, query.Page, take == 0 ? 1 : Math.Max(1, (listed + take - 1) / take));
        }
    }

    /// <summary>The start of a question, cut at a word, with an ellipsis when cut.</summary>
    public static string Excerpt(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= ExcerptLength)
        {
            return flat;
        }

        var cut = flat.LastIndexOf(' ', ExcerptLength);
        return (cut > ExcerptLength / 2 ? flat[..cut] : Question.StartOf(flat, ExcerptLength)) + "…";
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/questions", async Task<Results<Ok<Response>, ProblemHttpResult>> (bool? answered, int? page, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(answered ?? false, PageSize, page ?? 1), cancellationToken)).ToOk())
            .WithName("ListQuestions")
            .WithSummary("Applicants' questions: waiting for an answer, due soonest first (answered=true: answered, latest first), 50 a page (page=2, …), with the counts of those waiting and those past their day.");
}
