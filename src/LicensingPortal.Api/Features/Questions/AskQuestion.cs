using System.Security.Claims;
using LicensingPortal.Api.Infrastructure.Auth;

namespace LicensingPortal.Api.Features.Questions;

/// <summary>
/// An applicant asks the licensing office a question in writing (ADR 0031): what it is about and their words. A
/// licensing officer answers by the end of the second working day after today, in the applicant's inbox and by
/// e-mail. Nobody meets and nothing is paid; what is asked and answered is kept. At most five may wait at once; the
/// same words sent again while they wait are the same question (a second tap makes no second one).
/// </summary>
public static class AskQuestion
{
    public sealed record Request(QuestionTopic? Topic, string? Text);

    public sealed record Command(Guid AskerId, QuestionTopic? Topic, string? Text) : ICommand<Result<QuestionView>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Topic).NotNull().IsInEnum().WithMessage(_ => Texts.Get("Validation.Question.Topic"));
            RuleFor(c => c.Text).Must(t => t?.Trim().Length is >= Question.TextMinLength and <= Question.TextMaxLength)
                .WithMessage(_ => Texts.Format("Validation.Question.Text", Question.TextMinLength, Question.TextMaxLength));
        }
    }

    public sealed class Handler(LicensingDbContext db, TimeProvider time) : ICommandHandler<Command, Result<QuestionView>>
    {
        public async ValueTask<Result<QuestionView>> Handle(Command command, CancellationToken cancellationToken)
        {
            // The asker's row first: two questions sent at once are counted one after the other.
            await db.Users.Where(u => u.Id == command.AskerId).ExecuteUpdateAsync(set => set.SetProperty(u => u.PreferredLanguage, u => u.PreferredLanguage), cancellationToken);
            var waiting = await db.Questions.AsNoTracking().Where(q => q.AskerId == command.AskerId && q.AnsweredAt == null).ToListAsync(cancellationToken);

            // The same words sent again while the first waits (a second tap, a page sent twice) are the same question.
            var text = command.Text!.Trim();
            if (waiting.FirstOrDefault(q => q.Topic == command.Topic && q.Text == text) is { } same)
            {
                return QuestionReads.View(same, Wita.Today(time));
            }

            if (waiting.Count >= Question.MaxWaiting)
            {
                return new Error(ErrorCodes.QuestionsWaiting, StatusCodes.Status409Conflict, $"{Question.MaxWaiting} of your questions are waiting for an answer already.", Texts.Format("Question.Error.Waiting", Question.MaxWaiting));
            }

            var now = time.GetUtcNow();
            var question = Question.Ask(command.AskerId, command.Topic!.Value, command.Text!, now, await db.WorkingCalendarAsync(cancellationToken));
            db.Questions.Add(question);
            return QuestionReads.View(question, Wita.DateOf(now));
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/questions", async Task<Results<Created<QuestionView>, ProblemHttpResult>> (Request request, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Command(user.UserId(), request.Topic, request.Text), cancellationToken)).ToCreated(question => $"/api/me/questions/{question.Id}"))
            .WithName("AskQuestion")
            .WithSummary("Ask the licensing office a question in writing: topic (account, business, application, documents, decision, permit or other) and text (10 to 2,000 characters). An officer answers by the end of the second working day after today, in your inbox and by e-mail; at most 5 may wait at once (409 questions_waiting).");
}
