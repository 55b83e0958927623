using System.Security.Claims;
using LicensingPortal.Api.Infrastructure;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Rules;
using LicensingPortal.Api.Infrastructure.Transparency;
using LicensingPortal.Rules.Model;

namespace LicensingPortal.Api.Features.Objections;

/// <summary>
/// The mayor's office answers an appeal, once: the refusal stands (and why), or it rested on a mistake the licensing
/// office must correct (and what, and that the owner then sends the application again). Like the officer's answer to
/// the objection, it changes no decision: the engine decides the application sent again. The owner reads it in
/// their inbox and by e-mail; the transparency log records it.
/// </summary>
public static class AnswerAppeal
{
    public sealed record Request(ObjectionOutcome? Outcome, string? Answer);

    public sealed record Command(Guid AnsweredBy, Guid ObjectionId, ObjectionOutcome? Outcome, string? Answer, Language Language) : ICommand<Result<OpenObjection.Response>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Outcome).NotNull().WithMessage(_ => Texts.Get("Validation.Appeal.Outcome")).IsInEnum().WithMessage(_ => Texts.Get("Validation.Appeal.Outcome"));
            RuleFor(c => c.Answer).Must(a => a?.Trim().Length is >= Objection.AnswerMinLength and <= Objection.AnswerMaxLength)
                .WithMessage(_ => Texts.Format("Validation.Objection.Answer", Objection.AnswerMinLength, Objection.AnswerMaxLength));
        }
    }

    public sealed class Handler(LicensingDbContext db, RuleSetCatalog rules, Notifier notifier, TransparencyLog log, PublicAddress address, TimeProvider time) : ICommandHandler<Command, Result<OpenObjection.Response>>
    {
        public async ValueTask<Result<OpenObjection.Response>> Handle(Command command, CancellationToken cancellationToken)
        {
            // The row first: two answers at once, the second waits for the first to commit and then finds it answered.
            await db.Objections.Where(o => o.Id == command.ObjectionId)
                .ExecuteUpdateAsync(set => set.SetProperty(o => o.AnswerDueOn, o => o.AnswerDueOn), cancellationToken);
            var objection = await db.Objections.FirstOrDefaultAsync(o => o.Id == command.ObjectionId, cancellationToken);
            if (objection?.Appeal is not { } appeal)
            {
                return ObjectionReads.AppealNotFound;
            }

            if (appeal.IsAnswered)
            {
                return new Error(ErrorCodes.AppealAnswered, StatusCodes.Status409Conflict, "The appeal was answered already.", Texts.Get("Appeal.Error.Answered"));
            }

            var now = time.GetUtcNow();
            appeal.Respond(command.AnsweredBy, command.Outcome!.Value, command.Answer!, now);
            var business = await db.Applications.AsNoTracking().Where(a => a.Id == objection.ApplicationId)
                .Join(db.Businesses, a => a.BusinessId, b => b.Id, (a, b) => b.Name).SingleAsync(cancellationToken);
            await notifier.RaiseAsync(NoticeKind.AppealAnswered, objection.ApplicationId, objection.OwnerId, Notices.AppealAnswered(objection, business), ObjectionPayload.Of(objection, ObjectionReads.PageOf(address, objection)), cancellationToken);
            log.Record(LogActors.Mayor(command.AnsweredBy), LogEntryTypes.AppealAnswered, objection.Id, LogPayloads.ForAppealAnswer(objection));
            return await OpenObjection.CaseAsync(db, rules, objection, command.Language, Wita.DateOf(now), cancellationToken);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/{objectionId:guid}/answer", async Task<Results<Ok<OpenObjection.Response>, ProblemHttpResult>> (Guid objectionId, Request request, ClaimsPrincipal user, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
            {
                var language = RequestLanguage.From(http);
                RequestLanguage.SetContentLanguage(http, language);
                return (await sender.Send(new Command(user.UserId(), objectionId, request.Outcome, request.Answer, language), cancellationToken)).ToOk();
            })
            .WithName("AnswerAppeal")
            .WithSummary("Answer an appeal to the mayor, once (409 appeal_answered): outcome stands (the refusal stands; say why) or upheld (it rested on a mistake the licensing office must correct; say what, and that the owner then sends again), and the answer the owner reads (20 to 4,000 characters). The answer changes no decision.");
}
