namespace LicensingPortal.Api.Features.Questions;

/// <summary>
/// A question as the officers read it: the applicant's words, who asked (their e-mail address, to find their
/// applications, and the names of their businesses), the applicant's earlier questions with their answers (the conversation so far), and the answer with
/// the officer who gave it.
/// </summary>
public static class OpenQuestion
{
    /// <summary>How many of the applicant's earlier questions are shown with one.</summary>
    public const int EarlierShown = 10;

    public sealed record Response(QuestionView Question, string AskerEmail, IReadOnlyList<string> AskerBusinesses, IReadOnlyList<QuestionView> Earlier, string? AnsweredBy);

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
        var earlier = await db.Questions.AsNoTracking()
            .Where(q => q.AskerId == question.AskerId && q.Id != question.Id && q.AskedAt <= question.AskedAt)
            .OrderByDescending(q => q.AskedAt).ThenByDescending(q => q.Id).Take(EarlierShown)
            .ToListAsync(cancellationToken);
        var answeredBy = question.AnsweredBy is { } officer
            ? await db.Users.AsNoTracking().Where(u => u.Id == officer).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken)
            : null;
        return new Response(
            QuestionReads.View(question, today),
            asker ?? string.Empty,
            businesses,
            [.. earlier.OrderByDescending(q => q.AskedAt).ThenByDescending(q => q.Id).Select(q => QuestionReads.View(q, today))],
            answeredBy);
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/questions/{questionId:guid}", async Task<Results<Ok<Response>, ProblemHttpResult>> (Guid questionId, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(questionId), cancellationToken)).ToOk())
            .WithName("OpenQuestion")
            .WithSummary("An applicant's question: their words, their e-mail address and businesses' names, their earlier questions with the answers, and the answer with the officer who gave it.");
}
