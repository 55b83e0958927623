namespace LicensingPortal.Api.Features.Reports;

/// <summary>Decision latency of a period: p50, p95 and p99 (upper bounds of fixed buckets, milliseconds).</summary>
public static class ReportLatency
{
    public sealed record Query(DateOnly From, DateOnly To) : IQuery<Result<LatencySummary>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.To).IsEndOfPeriod(q => q.From);
    }

    public sealed class Handler(ReadModel model) : IQueryHandler<Query, Result<LatencySummary>>
    {
        private readonly LicensingDbContext db = model.Db;

        public async ValueTask<Result<LatencySummary>> Handle(Query query, CancellationToken cancellationToken) =>
            await ReportQueries.LatencyAsync(db, query.From, query.To, cancellationToken);
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/latency", async Task<Results<Ok<LatencySummary>, ProblemHttpResult>> (DateOnly from, DateOnly to, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(from, to), cancellationToken)).ToOk())
            .WithName("LatencyReport")
            .WithSummary("Decision latency p50, p95 and p99 (upper bounds of fixed buckets, milliseconds).");
}
