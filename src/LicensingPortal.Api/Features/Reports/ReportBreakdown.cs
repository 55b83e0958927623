using LicensingPortal.Api.Infrastructure.Rules;

namespace LicensingPortal.Api.Features.Reports;

/// <summary>Decisions, approvals (permits granted) and approval rate of a period by kecamatan, sector or permit type.</summary>
public static class ReportBreakdown
{
    public sealed record Query(DateOnly From, DateOnly To, string By) : IQuery<Result<IReadOnlyList<BreakdownRow>>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.To).IsEndOfPeriod(q => q.From);
            RuleFor(q => q.By).Must(b => ReportQueries.Dimensions.Contains(b)).WithMessage("by is kecamatan, sector or permitType.");
        }
    }

    public sealed class Handler(ReadModel model, RuleSetCatalog rules, TimeProvider time) : IQueryHandler<Query, Result<IReadOnlyList<BreakdownRow>>>
    {
        private readonly LicensingDbContext db = model.Db;

        public async ValueTask<Result<IReadOnlyList<BreakdownRow>>> Handle(Query query, CancellationToken cancellationToken) =>
            await ReportQueries.BreakdownAsync(db, query.From, query.To, query.By, ReportQueries.KecamatanNames(rules, time), cancellationToken);
    }

    public static FileDownload ToCsv(string by, IReadOnlyList<BreakdownRow> rows) =>
        Csv.Table($"by-{by}", [by, "name", "total", "approved", "approval_rate", "rejected"], rows.Select(r => new object[] { r.Key, r.Name, r.Total, r.Approved, r.ApprovalRate, r.Rejected }));

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/breakdown", async Task<Results<Ok<IReadOnlyList<BreakdownRow>>, FileContentHttpResult, ProblemHttpResult>> (DateOnly from, DateOnly to, string? by, string? format, ISender sender, CancellationToken cancellationToken) =>
            {
                var result = await sender.Send(new Query(from, to, by ?? string.Empty), cancellationToken);
                return !result.Succeeded ? result.Error!.ToProblem()
                    : format == "csv" ? ToCsv(by!, result.Value).ToResult()
                    : TypedResults.Ok(result.Value);
            })
            .WithName("BreakdownReport")
            .WithSummary("Decisions, approvals (permits granted) and approval rate by kecamatan, sector or permit type (format=csv for CSV).");
}
