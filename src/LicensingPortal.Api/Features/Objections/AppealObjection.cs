using System.Security.Claims;
using LicensingPortal.Api.Infrastructure;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Rules;
using LicensingPortal.Api.Infrastructure.Transparency;
using LicensingPortal.Rules.Model;

namespace LicensingPortal.Api.Features.Objections;

/// <summary>
/// An owner whose objection was answered that the refusal stands appeals to the mayor (banding, UU 30/2014 Pasal 78):
/// why they still disagree, in their words, from the objection's page or the API. Within 10 working days of the
/// answer, once an objection; the mayor's office answers within 10 working days, in the owner's inbox and by e-mail.
/// The owner is sent a receipt (their proof of the day), and the appeal is entered in the transparency log. Nobody
/// is met: the appeal, like the objection, is written.
/// </summary>
public static class AppealObjection
{
    public sealed record Request(string? Reason);

    public sealed record Command(Guid OwnerId, Guid ApplicationId, string? Reason, Language Language) : ICommand<Result<GetObjection.Response>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ApplicationId).NotEmpty();
            RuleFor(c => c.Reason).Must(r => r?.Trim().Length is >= ObjectionAppeal.ReasonMinLength and <= ObjectionAppeal.ReasonMaxLength)
                .WithMessage(_ => Texts.Format("Validation.Appeal.Reason", ObjectionAppeal.ReasonMinLength, ObjectionAppeal.ReasonMaxLength));
        }
    }

    public sealed class Handler(LicensingDbContext db, RuleSetCatalog rules, Notifier notifier, TransparencyLog log, PublicAddress address, TimeProvider time) : ICommandHandler<Command, Result<GetObjection.Response>>
    {
        public async ValueTask<Result<GetObjection.Response>> Handle(Command command, CancellationToken cancellationToken)
        {
            var found = await db.ApplicationsOf(command.OwnerId).AsNoTracking().Where(a => a.Id == command.ApplicationId)
                .Join(db.Businesses, a => a.BusinessId, b => b.Id, (a, b) => new { a.Decision, b.Name })
                .FirstOrDefaultAsync(cancellationToken);
            if (found is null)
            {
                return Error.NotFound(ErrorCodes.ApplicationNotFound, "The application was not found.");
            }

            // The objection's row first: a second sending waits for the first to commit, then finds its appeal.
            await db.Objections.Where(o => o.ApplicationId == command.ApplicationId)
                .ExecuteUpdateAsync(set => set.SetProperty(o => o.AnswerDueOn, o => o.AnswerDueOn), cancellationToken);
            var objection = await db.Objections.FirstOrDefaultAsync(o => o.ApplicationId == command.ApplicationId, cancellationToken);
            if (objection is not { Outcome: ObjectionOutcome.Stands })
            {
                return new Error(ErrorCodes.AppealNotAllowed, StatusCodes.Status409Conflict, "Only a refusal that stood on objection is appealed.", Texts.Get("Appeal.Error.NotAllowed"));
            }

            if (objection.Appeal is not null)
            {
                return new Error(ErrorCodes.AppealExists, StatusCodes.Status409Conflict, "The objection was appealed already.", Texts.Get("Appeal.Error.Exists"));
            }

            var now = time.GetUtcNow();
            var today = Wita.DateOf(now);
            var calendar = await db.WorkingCalendarAsync(cancellationToken);
            if (!objection.MayBeAppealed(today, calendar))
            {
                return new Error(ErrorCodes.AppealTooLate, StatusCodes.Status409Conflict, "The time to appeal has passed.", Texts.Format("Appeal.Error.TooLate", Cultures.Date(Objection.LastDayAppealTaken(objection.AnsweredAt, calendar)!.Value)));
            }

            objection.AppealToMayor(command.Reason!, now, calendar);
            log.Record(LogActors.Applicant(command.OwnerId), LogEntryTypes.AppealFiled, objection.Id, LogPayloads.ForAppealFiled(objection));
            await notifier.RaiseAsync(NoticeKind.AppealReceived, objection.ApplicationId, objection.OwnerId, Notices.AppealReceived(objection, found.Name), ObjectionPayload.Of(objection, ObjectionReads.PageOf(address, objection)), cancellationToken);
            return await GetObjection.StateAsync(db, rules, found.Decision, found.Name, objection, command.Language, today, calendar, cancellationToken);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/{id:guid}/objection/appeal", async Task<Results<Created<GetObjection.Response>, ProblemHttpResult>> (Guid id, Request request, ClaimsPrincipal user, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
            {
                var language = RequestLanguage.From(http);
                RequestLanguage.SetContentLanguage(http, language);
                return (await sender.Send(new Command(user.UserId(), id, request.Reason, language), cancellationToken)).ToCreated(_ => $"/api/applications/{id}/objection");
            })
            .WithName("AppealObjection")
            .WithSummary("Appeal to the mayor (banding, UU 30/2014 Pasal 78) when your objection was answered that the refusal stands: reason (20 to 4,000 characters). Within 10 working days of the answer, once an objection (409 appeal_not_allowed, appeal_exists, appeal_too_late); the mayor's office answers within 10 working days. The answer changes no decision by itself: when granted, the office corrects its mistake and you send the application again.");
}
