using System.Security.Claims;
using System.Text.Json.Nodes;
using LicensingPortal.Api.Infrastructure.Auth;

namespace LicensingPortal.Api.Features.Applications;

/// <summary>
/// Starts an application on the web: empty (for a business, when given), or — to correct a rejected application —
/// filled with everything that application stated, every page done, ready to change and send again; or, to renew a
/// permit, filled with the answers of the application that issued it; or, to change a running business, filled with
/// its current answers (a rejected renewal or change is corrected by asking again, from the refused answers); or, to
/// apply again for a permit that ended unrenewed (reapplies: its number), a new application filled with the answers
/// the permit was issued on, every page done (an ended permit is not renewed, but its owner need not type it all again).
/// </summary>
public static class StartApplicationDraft
{
    public sealed record Request(Guid? BusinessId, Guid? Corrects, string? Renews = null, Guid? Changes = null, string? Reapplies = null);

    public sealed record Command(Guid OwnerId, Guid? BusinessId, Guid? Corrects, string? Renews = null, Guid? Changes = null, string? Reapplies = null) : ICommand<Result<ApplicationDraftView>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.BusinessId).NotEqual(Guid.Empty);
            RuleFor(c => c.Corrects).NotEqual(Guid.Empty);
            RuleFor(c => c.Renews).NotEmpty().MaximumLength(40).When(c => c.Renews is not null);
            RuleFor(c => c.Renews).Null().When(c => c.Corrects is not null || c.BusinessId is not null).WithMessage(_ => Texts.Get("Validation.Renews.Alone"));
            RuleFor(c => c.Changes).NotEqual(Guid.Empty);
            RuleFor(c => c.Changes).Null().When(c => c.Corrects is not null || c.BusinessId is not null || c.Renews is not null).WithMessage(_ => Texts.Get("Validation.Changes.Alone"));
            RuleFor(c => c.Reapplies).NotEmpty().MaximumLength(40).When(c => c.Reapplies is not null);
            RuleFor(c => c.Reapplies).Null().When(c => c.Corrects is not null || c.BusinessId is not null || c.Renews is not null || c.Changes is not null)
                .WithMessage(_ => Texts.Get("Validation.Reapplies.Alone"));
        }
    }

    public sealed class Handler(LicensingDbContext db, TimeProvider time) : ICommandHandler<Command, Result<ApplicationDraftView>>
    {
        public async ValueTask<Result<ApplicationDraftView>> Handle(Command command, CancellationToken cancellationToken)
        {
            ApplicationDraft draft;
            if (command.Renews is { } number)
            {
                var permit = await db.PermitsOf(command.OwnerId).AsNoTracking().FirstOrDefaultAsync(p => p.Number == number, cancellationToken);
                if (permit is null)
                {
                    return PermitRenewals.NotFound;
                }

                return await StartRenewalAsync(command.OwnerId, permit, cancellationToken);
            }

            if (command.Reapplies is { } ended)
            {
                var permit = await db.PermitsOf(command.OwnerId).AsNoTracking().FirstOrDefaultAsync(p => p.Number == ended, cancellationToken);
                if (permit is null)
                {
                    return PermitRenewals.NotFound;
                }

                return await StartReapplicationAsync(command.OwnerId, permit, cancellationToken);
            }

            if (command.Changes is { } changedId)
            {
                return await StartChangeAsync(command.OwnerId, changedId, null, cancellationToken);
            }

            if (command.Corrects is { } correctsId)
            {
                var rejected = await db.ApplicationsOf(command.OwnerId).AsNoTracking().FirstOrDefaultAsync(a => a.Id == correctsId, cancellationToken);
                if (rejected is null)
                {
                    return Error.NotFound(ErrorCodes.ApplicationNotFound, "The application was not found.");
                }

                if (rejected.Status == ApplicationStatus.Rejected && rejected.RenewsPermitId is { } renewed)
                {
                    // A refused renewal is corrected by renewing again, from the answers the refused one gave.
                    var permit = await db.Permits.AsNoTracking().SingleAsync(p => p.Id == renewed, cancellationToken);
                    return await StartRenewalAsync(command.OwnerId, permit, cancellationToken, PermitRenewals.AnswersJsonOf(rejected));
                }

                if (rejected.Status == ApplicationStatus.Rejected && rejected.ChangesApplicationId is not null)
                {
                    // A refused change is corrected by asking for it again, from the answers the refused one gave.
                    return await StartChangeAsync(command.OwnerId, rejected.BusinessId, PermitRenewals.AnswersJsonOf(rejected), cancellationToken);
                }

                if (rejected.Status != ApplicationStatus.Rejected || await db.Applications.AnyAsync(a => a.PreviousApplicationId == correctsId, cancellationToken))
                {
                    return new Error(ErrorCodes.ApplicationNotResubmittable, StatusCodes.Status409Conflict, "Only a rejected application can be resubmitted, once, for the same business.");
                }

                var answers = Answers.ToJson(rejected);
                answers["businessId"] = rejected.BusinessId;
                draft = ApplicationDraft.Start(command.OwnerId, answers.ToJsonString(Json.Options), ApplicationSteps.All, correctsId, time.GetUtcNow());
            }
            else
            {
                if (command.BusinessId is { } businessId && !await db.BusinessesOf(command.OwnerId).AnyAsync(b => b.Id == businessId, cancellationToken))
                {
                    return Error.NotFound(ErrorCodes.BusinessNotFound, "The business was not found.");
                }

                if (command.BusinessId is { } open && await db.BusinessesOf(command.OwnerId).AnyAsync(b => b.Id == open && b.ClosedAt != null, cancellationToken))
                {
                    return new Error(ErrorCodes.BusinessClosed, StatusCodes.Status409Conflict, "The business was closed by its owner.");
                }

                var answers = new JsonObject { ["permitType"] = PermitTypes.PerizinanBerusaha };
                if (command.BusinessId is { } chosen)
                {
                    answers["businessId"] = chosen;
                }

                draft = ApplicationDraft.Start(command.OwnerId, answers.ToJsonString(Json.Options), [], null, time.GetUtcNow());
            }

            db.ApplicationDrafts.Add(draft);
            return ApplicationDraftView.From(draft);
        }

        /// <summary>A change draft: the business's current answers (or the refused change's), every page done.</summary>
        private async Task<Result<ApplicationDraftView>> StartChangeAsync(Guid ownerId, Guid businessId, string? answersJson, CancellationToken cancellationToken)
        {
            var business = await db.BusinessesOf(ownerId).AsNoTracking().FirstOrDefaultAsync(b => b.Id == businessId, cancellationToken);
            if (business is null)
            {
                return BusinessChanges.NotFound;
            }

            var start = await BusinessChanges.StartingPointAsync(db, business, cancellationToken);
            if (!start.Succeeded)
            {
                return start.Error!;
            }

            var answers = answersJson ?? ApplicationDraftView.WriteAnswers(BusinessChanges.AnswersOf(start.Value));
            var draft = ApplicationDraft.Start(ownerId, answers, ApplicationSteps.All, null, time.GetUtcNow(), changesBusinessId: businessId);
            db.ApplicationDrafts.Add(draft);
            return ApplicationDraftView.From(draft);
        }

        /// <summary>
        /// A new application for the activities of a permit that ended unrenewed: the answers it was issued on (as a
        /// renewal would start from), every page done, starting today. A permit still in force is renewed instead.
        /// </summary>
        private async Task<Result<ApplicationDraftView>> StartReapplicationAsync(Guid ownerId, Permit permit, CancellationToken cancellationToken)
        {
            var now = time.GetUtcNow();
            var state = permit.RenewalStateOn(Wita.DateOf(now));
            if (state != RenewalState.Ended)
            {
                return state == RenewalState.BusinessClosed
                    ? PermitRenewals.Refusal(permit, Wita.DateOf(now))!
                    : new Error(ErrorCodes.PermitNotEnded, StatusCodes.Status409Conflict, "Only a permit that ended unrenewed is applied for again this way.", $"Permit {permit.Number} has not ended unrenewed: renew it (renews), or apply afresh.");
            }

            // A permit that had ended before its business was closed stays ended, not closed: the business takes no more applications.
            var business = await db.Businesses.AsNoTracking().SingleAsync(b => b.Id == permit.BusinessId, cancellationToken);
            if (business.IsClosed)
            {
                return BusinessChanges.Closed(business);
            }

            var answers = ApplicationDraftView.WriteAnswers((await PermitRenewals.AnswersOfAsync(db, permit, cancellationToken)) with { PlannedStartDate = null });
            var draft = ApplicationDraft.Start(ownerId, answers, ApplicationSteps.All, null, now);
            db.ApplicationDrafts.Add(draft);
            return ApplicationDraftView.From(draft);
        }

        /// <summary>A renewal draft: the answers of the application that issued the permit, every page done.</summary>
        private async Task<Result<ApplicationDraftView>> StartRenewalAsync(Guid ownerId, Permit permit, CancellationToken cancellationToken, string? answersJson = null)
        {
            var now = time.GetUtcNow();
            if (PermitRenewals.Refusal(permit, Wita.DateOf(now)) is { } refusal)
            {
                return refusal;
            }

            var answers = answersJson ?? ApplicationDraftView.WriteAnswers(await PermitRenewals.AnswersOfAsync(db, permit, cancellationToken));
            var draft = ApplicationDraft.Start(ownerId, answers, ApplicationSteps.All, null, now, permit.Id);
            db.ApplicationDrafts.Add(draft);
            return ApplicationDraftView.From(draft);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/drafts", async Task<Results<Created<ApplicationDraftView>, ProblemHttpResult>> (Request request, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Command(user.UserId(), request.BusinessId, request.Corrects, request.Renews, request.Changes, request.Reapplies), cancellationToken)).ToCreated(d => $"/api/applications/drafts/{d.Id}"))
            .WithName("StartApplicationDraft")
            .WithSummary("Start an application to fill in a page at a time: empty, as a correction of a rejected one, as the renewal of a permit (renews: its number), as a change of a business (changes), or again for a permit that ended unrenewed (reapplies: its number).");
}
