using System.Security.Claims;
using FluentValidation.Results;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.UseCases;

namespace LicensingPortal.Api.Features.Applications;

/// <summary>
/// Keeps the answers of one question page of a draft. The page's fields are checked by the same validator as a
/// whole application, limited to that page; the requirements themselves are left to the pre-check.
/// </summary>
public static class SaveApplicationDraft
{
    public sealed record Command(Guid OwnerId, Guid Id, string Step, [RequestShape.Partial] ApplicationRequest Answers) : ICommand<Result<ApplicationDraftView>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        private static readonly ApplicationRequestValidator Answers = new();

        public Validator()
        {
            RuleFor(c => c.Id).NotEmpty();
            RuleFor(c => c.Step).Must(ApplicationSteps.IsKnown).WithMessage($"step is one of: {string.Join(", ", ApplicationSteps.All)}.");
            RuleFor(c => c.Answers).NotNull();
            RuleFor(c => c).Custom((command, context) =>
            {
                if (command.Answers is null || !ApplicationSteps.IsKnown(command.Step))
                {
                    return;
                }

                var result = Answers.Validate(command.Answers, options => options.IncludeProperties(ApplicationSteps.Properties[command.Step]));
                foreach (var failure in result.Errors)
                {
                    context.AddFailure(new ValidationFailure($"Request.{failure.PropertyName}", failure.ErrorMessage, failure.AttemptedValue));
                }
            });
        }
    }

    public sealed class Handler(LicensingDbContext db, TimeProvider time) : ICommandHandler<Command, Result<ApplicationDraftView>>
    {
        public async ValueTask<Result<ApplicationDraftView>> Handle(Command command, CancellationToken cancellationToken)
        {
            var draft = await db.DraftsOf(command.OwnerId).FirstOrDefaultAsync(d => d.Id == command.Id, cancellationToken);
            if (draft is null)
            {
                return GetApplicationDraft.NotFound;
            }

            if (draft.Submitted)
            {
                return SubmitApplicationDraft.AlreadySubmitted;
            }

            draft.Answer(ApplicationDraftView.WriteAnswers(command.Answers), command.Step, time.GetUtcNow());
            return ApplicationDraftView.From(draft);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapPut("/drafts/{id:guid}/answers/{step}", async Task<Results<Ok<ApplicationDraftView>, ProblemHttpResult>> (Guid id, string step, ApplicationRequest answers, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Command(user.UserId(), id, step, answers), cancellationToken)).ToOk())
            .WithName("SaveApplicationDraft")
            .WithSummary("Keep the answers of one question page of a draft (the whole answers so far); the page's fields are checked.")
            .ProducesValidationProblem();
}
