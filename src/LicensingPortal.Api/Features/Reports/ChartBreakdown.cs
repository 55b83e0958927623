using LicensingPortal.Api.Infrastructure;
using LicensingPortal.Api.Infrastructure.Rules;
using LicensingPortal.Rules.Model;

namespace LicensingPortal.Api.Features.Reports;

/// <summary>A chart of a period's decisions by kecamatan, sector or permit type, approved stacked on rejected, titled in the reader's language.</summary>
public static class ChartBreakdown
{
    public sealed record Query(DateOnly From, DateOnly To, string By, string Format, Language Language, bool Narrow = false) : IQuery<Result<FileDownload>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.To).IsEndOfPeriod(q => q.From);
            RuleFor(q => q.By).Must(b => ReportQueries.Dimensions.Contains(b)).WithMessage("by is kecamatan, sector or permitType.");
            RuleFor(q => q.Format).Must(f => ReportCharts.Formats.Contains(f)).WithMessage("format is png or svg.");
        }
    }

    public sealed class Handler(ReadModel model, RuleSetCatalog rules, TimeProvider time) : IQueryHandler<Query, Result<FileDownload>>
    {
        private readonly LicensingDbContext db = model.Db;

        public async ValueTask<Result<FileDownload>> Handle(Query query, CancellationToken cancellationToken)
        {
            var rows = await ReportQueries.BreakdownAsync(db, query.From, query.To, query.By, ReportQueries.KecamatanNames(rules, time), cancellationToken);
            return ReportCharts.Breakdown(rows, query.By, query.From, query.To, query.Language, query.Format, query.Narrow);
        }
    }

    /// <summary>GET /charts/breakdown?by=…, and /charts/kecamatan as it was first published.</summary>
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/charts/breakdown", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (DateOnly from, DateOnly to, string? by, string? format, bool? narrow, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(from, to, by ?? "kecamatan", format ?? "png", RequestLanguage.From(http), narrow ?? false), cancellationToken)).ToFile())
            .WithName("BreakdownChart")
            .WithSummary("A chart of decisions by kecamatan, sector or permit type (by=…), approved and rejected (PNG, or SVG with format=svg; narrow=true for a phone's screen).");
        routes.MapGet("/charts/kecamatan", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (DateOnly from, DateOnly to, string? format, bool? narrow, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(from, to, "kecamatan", format ?? "png", RequestLanguage.From(http), narrow ?? false), cancellationToken)).ToFile())
            .WithName("KecamatanChart")
            .WithSummary("A chart of decisions per kecamatan, approved and rejected (PNG, or SVG with format=svg; narrow=true for a phone's screen).");
    }
}
