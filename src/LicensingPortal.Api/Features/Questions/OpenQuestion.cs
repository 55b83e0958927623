namespace LicensingPortal.Api.Features.Questions;

/// <summary>
/// A question as the officers read it: the applicant's words and the application it is about (when asked from one),
/// who asked (their e-mail address, to find their applications, and the names of their businesses), the applicant's
/// other questions with their answers, the latest first (the conversation so far and anything asked since: a question
/// is answered once, and a further one is new), and the answer with the officer who gave it.
/// </summary>
public static class OpenQuestion
{
    /// <summary>How many of the applicant's other questions are shown with one.</summary>
    public const int OthersShown = 10;

    public sealed record Response(QuestionView Question, string AskerEmail, IReadOnlyList<string> AskerBusinesses, IReadOnlyList<QuestionView> Others, string? AnsweredBy);

    public sealed record Query(Guid QuestionId) : IQuery<Result<Response>>;

    public sealed class Handler(LicensingDbContext db, TimeProvider time) : IQueryHandler<Query, Result<Response>>
    {
        public async ValueTask<Result<Response>> Handle(Query query, CancellationToken cancellationToken)
        {
            var question = await db.Questions.AsNoTracking().FirstOrDefaultAsync(q => q.Id == query.QuestionId, cancellationToken);
            return question is null ? QuestionReads.NotFound : await CaseAsync(db, question, Wita.Today(time), cancellationToken);
        }
    }

    internal static async Task<Response> CaseAsync(LicensingDbContext db, Question question, DateOnly today, CancellationToken cancellationToken)
    {
        var asker = await db.Users.AsNoTracking().Where(u => u.Id == question.AskerId).Select(u => u.Email).SingleAsync(cancellationToken);
        var businesses = await db.BusinessesOf(question.AskerId).AsNoTracking().OrderBy(b => b.Name).Select(b => b.Name).ToListAsync(cancellationToken);
        var others = await db.Questions.AsNoTracking()
            .Where(q => q.AskerId == question.AskerId && q.Id != question.Id)
            .OrderByDescending(q => q.AskedAt).ThenByDescending(q => q.Id).Take(OthersShown)
            .ToListAsync(cancellationToken);
        var answeredBy = question.AnsweredBy is { } officer
            ? await db.Users.AsNoTracking().Where(u => u.Id == officer).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken)
            : null;
        var views = await QuestionReads.ViewsAsync(db, [question, .. others], today, cancellationToken);
        return new Response(views[0], asker ?? string.Empty, businesses, views[1..], answeredBy);
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/questions/{questionId:guid}", async Task<Results<Ok<Response>, ProblemHttpResult>> (Guid questionId, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(questionId), cancellationToken)).ToOk())
            .WithName("OpenQuestion")
            .WithSummary("An applicant's question: their words and the application it is about, their e-mail address and businesses' names, their other questions (up to 10, latest first) with the answers, and the answer with the officer who gave it.");
}
