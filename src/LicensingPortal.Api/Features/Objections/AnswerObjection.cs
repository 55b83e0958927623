using System.Security.Claims;
using LicensingPortal.Api.Infrastructure;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Rules;
using LicensingPortal.Api.Infrastructure.Transparency;
using LicensingPortal.Rules.Model;

namespace LicensingPortal.Api.Features.Objections;

/// <summary>
/// A licensing officer answers an objection, once: the refusal stands (and why, and what to do), or the office agrees
/// it rested on a mistake of its own (and what it corrected, and when to send the application again). The answer
/// changes no decision. The owner reads it in their inbox and by e-mail; the transparency log records it.
/// </summary>
public static class AnswerObjection
{
    public sealed record Request(ObjectionOutcome? Outcome, string? Answer);

    public sealed record Command(Guid OfficerId, Guid ObjectionId, ObjectionOutcome? Outcome, string? Answer, Language Language) : ICommand<Result<OpenObjection.Response>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Outcome).NotNull().WithMessage(_ => Texts.Get("Validation.Objection.Outcome")).IsInEnum().WithMessage(_ => Texts.Get("Validation.Objection.Outcome"));
            RuleFor(c => c.Answer).Must(a => a?.Trim().Length is >= Objection.AnswerMinLength and <= Objection.AnswerMaxLength)
                .WithMessage(_ => Texts.Format("Validation.Objection.Answer", Objection.AnswerMinLength, Objection.AnswerMaxLength));
        }
    }

    public sealed class Handler(LicensingDbContext db, RuleSetCatalog rules, Notifier notifier, TransparencyLog log, PublicAddress address, TimeProvider time) : ICommandHandler<Command, Result<OpenObjection.Response>>
    {
        public async ValueTask<Result<OpenObjection.Response>> Handle(Command command, CancellationToken cancellationToken)
        {
            // The row first, and only while unanswered: two officers answering at once, the second waits for the
            // first to commit and then finds it answered.
            var open = await db.Objections.Where(o => o.Id == command.ObjectionId && o.AnsweredAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(o => o.AnswerDueOn, o => o.AnswerDueOn), cancellationToken);
            var objection = await db.Objections.FirstOrDefaultAsync(o => o.Id == command.ObjectionId, cancellationToken);
            if (objection is null)
            {
                return ObjectionReads.NotFound;
            }

            if (open == 0 || objection.IsAnswered)
            {
                return new Error(ErrorCodes.ObjectionAnswered, StatusCodes.Status409Conflict, "The objection was answered already.", Texts.Get("Objection.Error.Answered"));
            }

            var now = time.GetUtcNow();
            objection.Respond(command.OfficerId, command.Outcome!.Value, command.Answer!, now);
            var business = await db.Applications.AsNoTracking().Where(a => a.Id == objection.ApplicationId)
                .Join(db.Businesses, a => a.BusinessId, b => b.Id, (a, b) => b.Name).SingleAsync(cancellationToken);
            // The last day to appeal is worked out once, here, for the inbox, the e-mail and the webhook alike (a holiday
            // set later, or an e-mail sent again days later, does not move it in one and not the other).
            var appealBy = objection.Outcome == ObjectionOutcome.Stands ? Objection.LastDayToAppeal(now, await db.WorkingCalendarAsync(cancellationToken)) : null;
            var payload = ObjectionPayload.Of(objection, ObjectionReads.PageOf(address, objection), appealBy);
            await notifier.RaiseAsync(NoticeKind.ObjectionAnswered, objection.ApplicationId, objection.OwnerId, Notices.ObjectionAnswered(objection, business, appealBy), payload, cancellationToken);
            log.Record(LogActors.Officer(command.OfficerId), LogEntryTypes.ObjectionAnswered, objection.Id, LogPayloads.ForObjectionAnswer(objection));
            return await OpenObjection.CaseAsync(db, rules, objection, command.Language, Wita.DateOf(now), cancellationToken);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/objections/{objectionId:guid}/answer", async Task<Results<Ok<OpenObjection.Response>, ProblemHttpResult>> (Guid objectionId, Request request, ClaimsPrincipal user, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
            {
                var language = RequestLanguage.From(http);
                RequestLanguage.SetContentLanguage(http, language);
                return (await sender.Send(new Command(user.UserId(), objectionId, request.Outcome, request.Answer, language), cancellationToken)).ToOk();
            })
            .WithName("AnswerObjection")
            .WithSummary("Answer an objection, once (409 objection_answered): outcome stands (the refusal stands; say why and what to do) or upheld (the office's own mistake; say what was corrected and when to send again), and the answer the owner reads (20 to 4,000 characters). The answer changes no decision.");
}
