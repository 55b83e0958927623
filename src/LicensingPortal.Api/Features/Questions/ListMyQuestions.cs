using System.Security.Claims;
using LicensingPortal.Api.Infrastructure.Auth;

namespace LicensingPortal.Api.Features.Questions;

/// <summary>The questions one asked the licensing office, the latest first, with their answers.</summary>
public static class ListMyQuestions
{
    public sealed record Query(Guid AskerId) : IQuery<Result<IReadOnlyList<QuestionView>>>;

    public sealed class Handler(LicensingDbContext db, TimeProvider time) : IQueryHandler<Query, Result<IReadOnlyList<QuestionView>>>
    {
        public async ValueTask<Result<IReadOnlyList<QuestionView>>> Handle(Query query, CancellationToken cancellationToken)
        {
            var questions = await db.Questions.AsNoTracking().Where(q => q.AskerId == query.AskerId).ToListAsync(cancellationToken);
            return await QuestionReads.ViewsAsync(db, [.. questions.OrderByDescending(q => q.AskedAt).ThenByDescending(q => q.Id)], Wita.Today(time), cancellationToken);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/questions", async Task<Results<Ok<IReadOnlyList<QuestionView>>, ProblemHttpResult>> (ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(user.UserId()), cancellationToken)).ToOk())
            .WithName("ListMyQuestions")
            .WithSummary("Your questions to the licensing office, the latest first, with the answers.");
}
