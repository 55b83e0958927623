using System.Security.Claims;
using LicensingPortal.Api.Infrastructure.Auth;

namespace LicensingPortal.Api.Features.Questions;

/// <summary>
/// An applicant asks the licensing office a question in writing (ADR 0031): what it is about, their words, and when
/// asked from one of their applications, that application (the officer opens it beside the question). A licensing
/// officer answers by the end of the second working day after today, in the applicant's inbox and by e-mail. Nobody
/// meets and nothing is paid; what is asked and answered is kept. At most five may wait at once; the same words sent
/// again while they wait are the same question (a second tap makes no second one).
/// </summary>
public static class AskQuestion
{
    /// <summary><c>ApplicationId</c>: one of your applications the question is about (optional).</summary>
    public sealed record Request(QuestionTopic? Topic, string? Text, Guid? ApplicationId = null);

    public sealed record Command(Guid AskerId, QuestionTopic? Topic, string? Text, Guid? ApplicationId = null) : ICommand<Result<QuestionView>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Topic).NotNull().WithMessage(_ => Texts.Get("Validation.Question.Topic")).IsInEnum().WithMessage(_ => Texts.Get("Validation.Question.Topic"));
            RuleFor(c => c.Text).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(_ => Texts.Get("Validation.Question.Text.Empty"))
                .Must(t => t!.Trim().Length >= Question.TextMinLength).WithMessage(_ => Texts.Format("Validation.Question.Text.Short", Question.TextMinLength))
                .Must(t => t!.Trim().Length <= Question.TextMaxLength).WithMessage(_ => Texts.Format("Validation.Question.Text.Long", Question.TextMaxLength));
            RuleFor(c => c.ApplicationId).NotEqual(Guid.Empty).When(c => c.ApplicationId is not null);
        }
    }

    public sealed class Handler(LicensingDbContext db, TimeProvider time) : ICommandHandler<Command, Result<QuestionView>>
    {
        public async ValueTask<Result<QuestionView>> Handle(Command command, CancellationToken cancellationToken)
        {
            // Another's application is one that does not exist.
            if (command.ApplicationId is { } about && !await db.ApplicationsOf(command.AskerId).AnyAsync(a => a.Id == about, cancellationToken))
            {
                return Error.NotFound(ErrorCodes.ApplicationNotFound, "The application was not found.");
            }

            // The asker's row first: two questions sent at once are counted one after the other.
            await db.LockAccountAsync(command.AskerId, cancellationToken);
            var waiting = await db.Questions.AsNoTracking().Where(q => q.AskerId == command.AskerId && q.AnsweredAt == null).ToListAsync(cancellationToken);
            var today = Wita.Today(time);

            // The same words sent again while the first waits (a second tap, a page sent twice) are the same question.
            var text = command.Text!.Trim();
            if (waiting.FirstOrDefault(q => q.Topic == command.Topic && q.ApplicationId == command.ApplicationId && q.Text == text) is { } same)
            {
                return await QuestionReads.ViewAsync(db, same, today, cancellationToken);
            }

            if (waiting.Count >= Question.MaxWaiting)
            {
                return new Error(ErrorCodes.QuestionsWaiting, StatusCodes.Status409Conflict, $"{Question.MaxWaiting} of your questions are waiting for an answer already.", Texts.Format("Question.Error.Waiting", Question.MaxWaiting));
            }

            var question = Question.Ask(command.AskerId, command.Topic!.Value, text, time.GetUtcNow(), await db.WorkingCalendarAsync(cancellationToken), command.ApplicationId);
            db.Questions.Add(question);
            return await QuestionReads.ViewAsync(db, question, today, cancellationToken);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/questions", async Task<Results<Created<QuestionView>, ProblemHttpResult>> (Request request, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Command(user.UserId(), request.Topic, request.Text, request.ApplicationId), cancellationToken)).ToCreated(question => $"/api/me/questions/{question.Id}"))
            .WithName("AskQuestion")
            .WithSummary("Ask the licensing office a question in writing: topic (account, business, application, documents, decision, permit or other), text (10 to 2,000 characters) and optionally applicationId, one of your applications it is about. An officer answers by the end of the second working day after today, in your inbox and by e-mail; at most 5 may wait at once (409 questions_waiting); the same words again while they wait are the same question.");
}
