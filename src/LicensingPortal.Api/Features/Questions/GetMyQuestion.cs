using System.Security.Claims;
using LicensingPortal.Api.Infrastructure.Auth;

namespace LicensingPortal.Api.Features.Questions;

/// <summary>One of one's own questions with its answer; another's is not found (404).</summary>
public static class GetMyQuestion
{
    public sealed record Query(Guid AskerId, Guid QuestionId) : IQuery<Result<QuestionView>>;

    public sealed class Handler(LicensingDbContext db, TimeProvider time) : IQueryHandler<Query, Result<QuestionView>>
    {
        public async ValueTask<Result<QuestionView>> Handle(Query query, CancellationToken cancellationToken)
        {
            var question = await db.Questions.AsNoTracking().FirstOrDefaultAsync(q => q.Id == query.QuestionId && q.AskerId == query.AskerId, cancellationToken);
            return question is null ? QuestionReads.NotFound : await QuestionReads.ViewAsync(db, question, Wita.Today(time), cancellationToken);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/questions/{questionId:guid}", async Task<Results<Ok<QuestionView>, ProblemHttpResult>> (Guid questionId, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(user.UserId(), questionId), cancellationToken)).ToOk())
            .WithName("GetMyQuestion")
            .WithSummary("One of your questions to the licensing office, with its answer once given.");
}
