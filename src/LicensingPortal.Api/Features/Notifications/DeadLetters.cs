using LicensingPortal.Api.Data;
using LicensingPortal.Api.Infrastructure.Errors;
using LicensingPortal.Api.Infrastructure.Jobs;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LicensingPortal.Api.Features.Notifications;

/// <summary>Notifications whose every attempt failed, visible to officers, who can send one again (with the same id).</summary>
public static class DeadLetters
{
    public sealed record Item(Guid Id, string Type, string Channel, Guid SubjectId, int Attempts, string? LastError, DateTimeOffset CreatedAt, DateTimeOffset? DeadLetteredAt);

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/dead-letters", async Task<Ok<List<Item>>> (LicensingDbContext db, CancellationToken cancellationToken) =>
                TypedResults.Ok(await db.OutboxMessages.AsNoTracking()
                    .Where(m => m.DeadLetteredAt != null)
                    .OrderBy(m => m.CreatedAt)
                    .Select(m => new Item(m.Id, m.Type, m.Channel, m.SubjectId, m.Attempts, m.LastError, m.CreatedAt, m.DeadLetteredAt))
                    .ToListAsync(cancellationToken)))
            .WithName("ListDeadLetters")
            .WithSummary("Notifications that could not be delivered after every attempt.");

        routes.MapPost("/{id:guid}/resend", async Task<Results<Accepted, ProblemHttpResult>> (Guid id, LicensingDbContext db, IJobScheduler jobs, CancellationToken cancellationToken) =>
            {
                var message = await db.OutboxMessages.FirstOrDefaultAsync(m => m.Id == id && m.DeadLetteredAt != null, cancellationToken);
                if (message is null)
                {
                    return Error.NotFound(ErrorCodes.NotFound, "No dead-lettered notification with that id.").ToProblem();
                }

                message.Resend();
                await db.SaveChangesAsync(cancellationToken);
                jobs.EnqueueOutboxDelivery(message.Id);
                return TypedResults.Accepted($"/api/notifications/{id}");
            })
            .WithName("ResendNotification")
            .WithSummary("Send a dead-lettered notification again.");
    }
}
