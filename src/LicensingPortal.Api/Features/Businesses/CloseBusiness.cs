using System.Security.Claims;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Transparency;

namespace LicensingPortal.Api.Features.Businesses;

/// <summary>
/// The owner closes a business (penutupan), after confirming: its NIB and every permit still in force end that day
/// (verification then says "closed by the owner", not "revoked"), its unsent application drafts are discarded, no
/// reminder is sent for its permits any more, it takes no more applications, renewals or changes, and the
/// transparency log records the closure with the permits that ended. A business is closed once.
/// </summary>
public static class CloseBusiness
{
    public sealed record Request(bool Confirm);

    public sealed record Command(Guid OwnerId, Guid BusinessId, bool Confirm) : ICommand<Result<BusinessResponse>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.BusinessId).NotEmpty();
            RuleFor(c => c.Confirm).Equal(true).WithMessage(_ => Texts.Get("Validation.CloseBusiness.Confirm"));
        }
    }

    public static Error Closed(Business business)
    {
        ArgumentNullException.ThrowIfNull(business);
        return new Error(ErrorCodes.BusinessClosed, StatusCodes.Status409Conflict, "The business was closed by its owner.", $"The business was closed on {Wita.DateOf(business.ClosedAt!.Value):yyyy-MM-dd}.");
    }

    public sealed class Handler(LicensingDbContext db, TransparencyLog log, Notifier notifier, VisitsCalledOff visitsCalledOff, TimeProvider time) : ICommandHandler<Command, Result<BusinessResponse>>
    {
        public async ValueTask<Result<BusinessResponse>> Handle(Command command, CancellationToken cancellationToken)
        {
            var id = await db.BusinessesOf(command.OwnerId).Where(b => b.Id == command.BusinessId).Select(b => (Guid?)b.Id).FirstOrDefaultAsync(cancellationToken);
            if (id is null)
            {
                return Error.NotFound(ErrorCodes.BusinessNotFound, "The business was not found.");
            }

            // A second closing at the same moment waits on the business's row, then reads it closed.
            await db.LockBusinessAsync(id.Value, cancellationToken);
            var business = await db.Businesses.SingleAsync(b => b.Id == id, cancellationToken);
            if (business.IsClosed)
            {
                return Closed(business);
            }

            var now = time.GetUtcNow();
            var permits = await db.Permits.Where(p => p.BusinessId == business.Id && p.Status == PermitStatus.Active).ToListAsync(cancellationToken);
            var ended = business.Close(permits, now);

            // Unsent drafts of the business go: nothing can be sent for a closed business.
            var drafts = await db.DraftsOf(command.OwnerId).Where(d => d.SubmittedAt == null).ToListAsync(cancellationToken);
            db.ApplicationDrafts.RemoveRange(drafts.Where(d => d.IsFor(business.Id)));

            log.Record(LogActors.Applicant(command.OwnerId), LogEntryTypes.BusinessClosed, business.Id, LogPayloads.ForClosure(business, ended));
            // The owner's record of the day (inbox, e-mail, webhook), which also tells them at once if it was not them.
            var payload = new BusinessClosedPayload(business.Id, business.Name, business.Nib, now, [.. ended.Select(p => p.Number)]);
            await notifier.RaiseAsync(NoticeKind.BusinessClosed, business.Id, command.OwnerId, Notices.BusinessClosed(business.Name, now), payload, cancellationToken);
            await visitsCalledOff.CallOffAsync(ended, now, cancellationToken);
            return BusinessResponse.From(business);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/{id:guid}/closure", async Task<Results<Ok<BusinessResponse>, ProblemHttpResult>> (Guid id, Request request, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Command(user.UserId(), id, request.Confirm), cancellationToken)).ToOk())
            .WithName("CloseBusiness")
            .WithSummary("Close one of your businesses (confirm: true): its NIB and every permit in force end today, unsent drafts are discarded, and it takes no more applications.")
            .ProducesValidationProblem();
}
