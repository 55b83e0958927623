namespace LicensingPortal.Api.Features.Reports;

/// <summary>Decisions per local day, ISO week or month of a period, with the approval rate.</summary>
public static class ReportThroughput
{
    public sealed record Query(DateOnly From, DateOnly To, string Granularity) : IQuery<Result<IReadOnlyList<ThroughputRow>>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.To).IsEndOfPeriod(q => q.From);
            RuleFor(q => q.Granularity).Must(g => ReportQueries.Granularities.Contains(g)).WithMessage("granularity is day, week or month.");
        }
    }

    public sealed class Handler(ReadModel model) : IQueryHandler<Query, Result<IReadOnlyList<ThroughputRow>>>
    {
        private readonly LicensingDbContext db = model.Db;

        public async ValueTask<Result<IReadOnlyList<ThroughputRow>>> Handle(Query query, CancellationToken cancellationToken) =>
            await ReportQueries.ThroughputAsync(db, query.From, query.To, query.Granularity, cancellationToken);
    }

    public static FileDownload ToCsv(IReadOnlyList<ThroughputRow> rows) =>
        Csv.Table("throughput", ["period", "total", "approved", "rejected", "approval_rate"], rows.Select(r => new object[] { r.Period, r.Total, r.Approved, r.Rejected, r.ApprovalRate }));

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/throughput", async Task<Results<Ok<IReadOnlyList<ThroughputRow>>, FileContentHttpResult, ProblemHttpResult>> (DateOnly from, DateOnly to, string? granularity, string? format, ISender sender, CancellationToken cancellationToken) =>
            {
                var result = await sender.Send(new Query(from, to, granularity ?? "day"), cancellationToken);
                return !result.Succeeded ? result.Error!.ToProblem()
                    : format == "csv" ? ToCsv(result.Value).ToResult()
                    : TypedResults.Ok(result.Value);
            })
            .WithName("ThroughputReport")
            .WithSummary("Decisions per local day, ISO week or month, with the approval rate (format=csv for CSV).");
}
