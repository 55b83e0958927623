using System.Security.Claims;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Permits;
using LicensingPortal.Api.Infrastructure.Transparency;
using LicensingPortal.Rules.Model;

namespace LicensingPortal.Api.Features.Permits;

/// <summary>An Admin revokes a permit with a reason; the owner is notified and the log records it. Nothing changes a decision's outcome.</summary>
public static class RevokePermit
{
    public sealed record Request(string Reason);

    public sealed record Command(Guid AdminId, string Number, string Reason) : ICommand<Result<PermitResponse>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Number).NotEmpty().MaximumLength(40);
            RuleFor(c => c.Reason).NotEmpty().WithMessage(_ => Texts.Get("Validation.RevocationReason"))
                .Must(r => r.Trim().Length is > 0 and <= 1000).WithMessage(_ => Texts.Get("Validation.RevocationReason"));
        }
    }

    public sealed class Handler(LicensingDbContext db, Notifier notifier, VisitsCalledOff visitsCalledOff, TransparencyLog log, PermitLinks links, TimeProvider time) : ICommandHandler<Command, Result<PermitResponse>>
    {
        public async ValueTask<Result<PermitResponse>> Handle(Command command, CancellationToken cancellationToken)
        {
            var found = await db.Permits.AsNoTracking().Where(p => p.Number == command.Number).Select(p => new { p.Id, p.BusinessId }).FirstOrDefaultAsync(cancellationToken);
            if (found is null)
            {
                return Error.NotFound(ErrorCodes.PermitNotFound, "No permit with that number.");
            }

            // The business's row first, as a renewal, a change and a closing take it: a revocation waits for any of
            // them to commit and then reads the permit as they left it.
            await db.LockBusinessAsync(found.BusinessId, cancellationToken);
            var permit = await db.Permits.SingleAsync(p => p.Id == found.Id, cancellationToken);
            if (permit.Status == PermitStatus.Replaced)
            {
                return new Error(ErrorCodes.PermitReplaced, StatusCodes.Status409Conflict, "The permit was replaced after a change of the business.", $"Permit {permit.Number} is no longer in force; revoke the permit issued in its place, if any.");
            }

            if (permit.Status == PermitStatus.Closed)
            {
                return new Error(ErrorCodes.BusinessClosed, StatusCodes.Status409Conflict, "The permit ended when its owner closed the business.", $"Permit {permit.Number} is no longer in force; there is nothing to revoke.");
            }

            if (permit.Status == PermitStatus.Revoked)
            {
                return new Error(ErrorCodes.PermitAlreadyRevoked, StatusCodes.Status409Conflict, "The permit was revoked already.", $"Permit {permit.Number} was revoked on {permit.RevokedAt:yyyy-MM-dd}.");
            }

            var now = time.GetUtcNow();
            permit.Revoke(command.Reason.Trim(), now);
            var business = await db.Businesses.AsNoTracking().SingleAsync(b => b.Id == permit.BusinessId, cancellationToken);
            var payload = new PermitPayload(permit.Number, permit.Type, permit.ValidUntil, null, permit.RevocationReason);
            await notifier.RaiseAsync(NoticeKind.PermitRevoked, permit.Id, business.OwnerId, Notices.Permit(NoticeKind.PermitRevoked, payload, business.Name), payload, cancellationToken);
            log.Record(LogActors.Admin(command.AdminId), LogEntryTypes.PermitRevoked, permit.Id, LogPayloads.ForRevocation(permit));
            await visitsCalledOff.CallOffAsync([permit], now, cancellationToken);
            return PermitResponse.From(permit, null, Language.Indonesian, Wita.Today(time), links);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/{number}/revocation", async Task<Results<Ok<PermitResponse>, ProblemHttpResult>> (string number, Request request, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Command(user.UserId(), number, request.Reason), cancellationToken)).ToOk())
            .WithName("RevokePermit")
            .WithSummary("Revoke a permit with a reason (Admin).");
}
