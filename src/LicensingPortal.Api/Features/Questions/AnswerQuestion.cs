using System.Security.Claims;
using LicensingPortal.Api.Infrastructure.Auth;

namespace LicensingPortal.Api.Features.Questions;

/// <summary>
/// A licensing officer answers an applicant's question, once, in writing. The applicant reads it in their inbox, by
/// e-mail and webhook, and on their questions' page. A further question is a new one.
/// </summary>
public static class AnswerQuestion
{
    public sealed record Request(string? Answer);

    public sealed record Command(Guid OfficerId, Guid QuestionId, string? Answer) : ICommand<Result<OpenQuestion.Response>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Answer).Must(a => !string.IsNullOrWhiteSpace(a)).WithMessage(_ => Texts.Get("Validation.Question.Answer.Empty"))
                .Must(a => a!.Trim().Length >= Question.AnswerMinLength).WithMessage(_ => Texts.Format("Validation.Question.Answer.Short", Question.AnswerMinLength))
                .Must(a => a!.Trim().Length <= Question.AnswerMaxLength).WithMessage(_ => Texts.Format("Validation.Question.Answer.Long", Question.AnswerMaxLength));
    }

    public sealed class Handler(LicensingDbContext db, Notifier notifier, PublicAddress address, TimeProvider time) : ICommandHandler<Command, Result<OpenQuestion.Response>>
    {
        public async ValueTask<Result<OpenQuestion.Response>> Handle(Command command, CancellationToken cancellationToken)
        {
            // The row first, and only while unanswered: two officers answering at once, the second waits for the
            // first to commit and then finds it answered.
            var open = await db.Questions.Where(q => q.Id == command.QuestionId && q.AnsweredAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(q => q.AnswerDueOn, q => q.AnswerDueOn), cancellationToken);
            var question = await db.Questions.FirstOrDefaultAsync(q => q.Id == command.QuestionId, cancellationToken);
            if (question is null)
            {
                return QuestionReads.NotFound;
            }

            if (open == 0 || question.IsAnswered)
            {
                return new Error(ErrorCodes.QuestionAnswered, StatusCodes.Status409Conflict, "The question was answered already.", Texts.Get("Question.Error.Answered"));
            }

            var now = time.GetUtcNow();
            question.Respond(command.OfficerId, command.Answer!, now);
            await notifier.RaiseAsync(NoticeKind.QuestionAnswered, question.Id, question.AskerId, Notices.QuestionAnswered(question), QuestionPayload.Of(question, QuestionReads.PageOf(address, question)), cancellationToken);
            return await OpenQuestion.CaseAsync(db, question, Wita.DateOf(now), cancellationToken);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/questions/{questionId:guid}/answer", async Task<Results<Ok<OpenQuestion.Response>, ProblemHttpResult>> (Guid questionId, Request request, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Command(user.UserId(), questionId, request.Answer), cancellationToken)).ToOk())
            .WithName("AnswerQuestion")
            .WithSummary("Answer an applicant's question, once (409 question_answered), in writing (10 to 3,000 characters): the applicant reads it in the inbox, by e-mail and webhook.");
}
