namespace LicensingPortal.Api.Features.Notifications;

/// <summary>Notifications whose every attempt failed, for officers to look at (and send again).</summary>
public static class ListDeadLetters
{
    public sealed record Item(Guid Id, string Type, string Channel, Guid SubjectId, int Attempts, string? LastError, DateTimeOffset CreatedAt, DateTimeOffset? DeadLetteredAt);

    public sealed record Query : IQuery<Result<IReadOnlyList<Item>>>;

    public sealed class Handler(LicensingDbContext db) : IQueryHandler<Query, Result<IReadOnlyList<Item>>>
    {
        public async ValueTask<Result<IReadOnlyList<Item>>> Handle(Query query, CancellationToken cancellationToken) =>
            await db.OutboxMessages.AsNoTracking()
                .Where(m => m.DeadLetteredAt != null)
                .OrderBy(m => m.CreatedAt)
                .Select(m => new Item(m.Id, m.Type, m.Channel, m.SubjectId, m.Attempts, m.LastError, m.CreatedAt, m.DeadLetteredAt))
                .ToListAsync(cancellationToken);
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/dead-letters", async Task<Results<Ok<IReadOnlyList<Item>>, ProblemHttpResult>> (ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(), cancellationToken)).ToOk())
            .WithName("ListDeadLetters")
            .WithSummary("Notifications that could not be delivered after every attempt.");
}
