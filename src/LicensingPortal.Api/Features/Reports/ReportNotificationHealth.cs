namespace LicensingPortal.Api.Features.Reports;

/// <summary>Notifications per channel: delivered in a period (the last 30 days by default), and now pending, retrying and dead-lettered.</summary>
public static class ReportNotificationHealth
{
    public sealed record DeliveryHealth(string Channel, long Delivered, long Pending, long Retrying, long DeadLettered);

    public sealed record Query(DateOnly From, DateOnly To) : IQuery<Result<IReadOnlyList<DeliveryHealth>>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.To).IsEndOfPeriod(q => q.From);
    }

    public sealed class Handler(ReadModel model) : IQueryHandler<Query, Result<IReadOnlyList<DeliveryHealth>>>
    {
        private readonly LicensingDbContext db = model.Db;

        public async ValueTask<Result<IReadOnlyList<DeliveryHealth>>> Handle(Query query, CancellationToken cancellationToken)
        {
            var delivered = await db.DailyDeliveryCounts.AsNoTracking()
                .Where(c => c.Day >= query.From && c.Day <= query.To)
                .GroupBy(c => c.Channel)
                .Select(g => new { Channel = g.Key, Delivered = g.Sum(c => c.Delivered) })
                .ToListAsync(cancellationToken);

            // Messages not yet delivered are few (a partial index holds them), whatever the size of the outbox.
            var open = await db.OutboxMessages.AsNoTracking()
                .Where(m => m.ProcessedAt == null)
                .GroupBy(m => m.Channel)
                .Select(g => new
                {
                    Channel = g.Key,
                    Pending = g.LongCount(m => m.DeadLetteredAt == null && m.Attempts == 0),
                    Retrying = g.LongCount(m => m.DeadLetteredAt == null && m.Attempts > 0),
                    DeadLettered = g.LongCount(m => m.DeadLetteredAt != null),
                })
                .ToListAsync(cancellationToken);
            return delivered.Select(d => d.Channel).Union(open.Select(o => o.Channel))
                .Order(StringComparer.Ordinal)
                .Select(channel =>
                {
                    var waiting = open.SingleOrDefault(o => o.Channel == channel);
                    return new DeliveryHealth(channel, delivered.SingleOrDefault(d => d.Channel == channel)?.Delivered ?? 0, waiting?.Pending ?? 0, waiting?.Retrying ?? 0, waiting?.DeadLettered ?? 0);
                })
                .ToList();
        }
    }

    public static FileDownload ToCsv(IReadOnlyList<DeliveryHealth> rows) =>
        Csv.Table("notification-health", ["channel", "delivered", "pending", "retrying", "dead_lettered"], rows.Select(r => new object[] { r.Channel, r.Delivered, r.Pending, r.Retrying, r.DeadLettered }));

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/notification-health", async Task<Results<Ok<IReadOnlyList<DeliveryHealth>>, FileContentHttpResult, ProblemHttpResult>> (DateOnly? from, DateOnly? to, string? format, TimeProvider time, ISender sender, CancellationToken cancellationToken) =>
            {
                var until = to ?? Wita.Today(time);
                var result = await sender.Send(new Query(from ?? until.AddDays(-29), until), cancellationToken);
                return !result.Succeeded ? result.Error!.ToProblem()
                    : format == "csv" ? ToCsv(result.Value).ToResult()
                    : TypedResults.Ok(result.Value);
            })
            .WithName("NotificationHealthReport")
            .WithSummary("Notifications per channel: delivered in a period (the last 30 days by default), and now pending, retrying and dead-lettered.");
}
