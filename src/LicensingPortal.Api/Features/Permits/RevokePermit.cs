using System.Security.Claims;
using LicensingPortal.Api.Data;
using LicensingPortal.Api.Domain;
using LicensingPortal.Api.Features.Notifications;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Errors;
using LicensingPortal.Api.Infrastructure.Transparency;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LicensingPortal.Api.Features.Permits;

/// <summary>An Admin revokes a permit with a reason; the owner is notified. Nothing changes a decision's outcome.</summary>
public static class RevokePermit
{
    public sealed record Request(string Reason);

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/{number}/revocation", async Task<Results<Ok<PermitResponse>, ProblemHttpResult>> (string number, Request request, ClaimsPrincipal user, LicensingDbContext db, Notifier notifier, TransparencyLog log, PermitLinks links, TimeProvider time, CancellationToken cancellationToken) =>
            {
                if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 1000)
                {
                    return Error.Invalid("reason", "A reason of at most 1000 characters is required.").ToProblem();
                }

                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var permit = await db.Permits.FirstOrDefaultAsync(p => p.Number == number, cancellationToken);
                if (permit is null || permit.Status == PermitStatus.Revoked)
                {
                    return Error.NotFound(ErrorCodes.PermitNotFound, "No permit in force with that number.").ToProblem();
                }

                var now = time.GetUtcNow();
                permit.Revoke(request.Reason.Trim(), now);
                var business = await db.Businesses.AsNoTracking().SingleAsync(b => b.Id == permit.BusinessId, cancellationToken);
                var payload = new PermitPayload(permit.Number, permit.Type, permit.ValidUntil, null, permit.RevocationReason);
                await notifier.RaiseAsync(OutboxMessageTypes.PermitRevoked, permit.Id, business.OwnerId, PermitNotice.Text(OutboxMessageTypes.PermitRevoked, payload, business.Name), payload, inboxOnly: false, cancellationToken);
                log.Record($"admin:{user.UserId():N}", LogEntryTypes.PermitRevoked, permit.Id, LogPayloads.ForRevocation(permit));
                await log.FlushAsync(now, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                notifier.EnqueueRaised();
                return TypedResults.Ok(links.Render(permit, null, Rules.Model.Language.Indonesian, Infrastructure.Wita.Today(time)));
            })
            .WithName("RevokePermit")
            .WithSummary("Revoke a permit with a reason (Admin).");
}
