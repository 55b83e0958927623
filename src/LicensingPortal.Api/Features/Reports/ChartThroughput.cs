using LicensingPortal.Api.Infrastructure;
using LicensingPortal.Rules.Model;

namespace LicensingPortal.Api.Features.Reports;

/// <summary>A chart of decisions over time, approved stacked on rejected, titled in the reader's language.</summary>
public static class ChartThroughput
{
    public sealed record Query(DateOnly From, DateOnly To, string Granularity, string Format, Language Language, bool Narrow = false) : IQuery<Result<FileDownload>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.To).IsEndOfPeriod(q => q.From);
            RuleFor(q => q.Granularity).Must(g => ReportQueries.Granularities.Contains(g)).WithMessage("granularity is day, week or month.");
            RuleFor(q => q.Format).Must(f => ReportCharts.Formats.Contains(f)).WithMessage("format is png or svg.");
        }
    }

    public sealed class Handler(ReadModel model) : IQueryHandler<Query, Result<FileDownload>>
    {
        private readonly LicensingDbContext db = model.Db;

        public async ValueTask<Result<FileDownload>> Handle(Query query, CancellationToken cancellationToken)
        {
            var rows = await ReportQueries.ThroughputAsync(db, query.From, query.To, query.Granularity, cancellationToken);
            return ReportCharts.Throughput(rows, query.Granularity, query.From, query.To, query.Language, query.Format, query.Narrow);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/charts/throughput", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (DateOnly from, DateOnly to, string? granularity, string? format, bool? narrow, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(from, to, granularity ?? "day", format ?? "png", RequestLanguage.From(http), narrow ?? false), cancellationToken)).ToFile())
            .WithName("ThroughputChart")
            .WithSummary("A chart of decisions over time, approved and rejected (PNG, or SVG with format=svg; narrow=true for a phone's screen).");
}
