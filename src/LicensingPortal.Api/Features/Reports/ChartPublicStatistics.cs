using LicensingPortal.Api.Infrastructure;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Rules.Model;

namespace LicensingPortal.Api.Features.Reports;

/// <summary>The public statistics of a month as a chart, by kecamatan or by sector, in the reader's language. No login; cached.</summary>
public static class ChartPublicStatistics
{
    /// <summary>A month's chart; <c>Narrow</c> draws it for a phone's screen (480 by 420 instead of 960 by 540).</summary>
    public sealed record Query(string? Month, string By, string Format, Language Language, bool Narrow = false) : IQuery<Result<FileDownload>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Month).Must(m => ShowPublicStatistics.FirstDayOf(m) is not null).WithMessage("month is yyyy-MM.");
            RuleFor(q => q.By).Must(b => b is "kecamatan" or "sector").WithMessage("by is kecamatan or sector.");
            RuleFor(q => q.Format).Must(f => ReportCharts.Formats.Contains(f)).WithMessage("format is png or svg.");
        }
    }

    public sealed class Handler(ISender sender) : IQueryHandler<Query, Result<FileDownload>>
    {
        public async ValueTask<Result<FileDownload>> Handle(Query query, CancellationToken cancellationToken)
        {
            var statistics = await sender.Send(new ShowPublicStatistics.Query(query.Month), cancellationToken);
            if (!statistics.Succeeded)
            {
                return statistics.Error!;
            }

            var rows = query.By == "sector" ? statistics.Value.BySector : statistics.Value.ByKecamatan;
            var names = rows.Select(r => query.By == "sector" ? SectorName(r.Key, query.Language) : r.Name).ToList();
            return ReportCharts.PublicBreakdown(rows, names, query.By, query.Month!, query.Language, query.Format, query.Narrow);
        }
    }

    /// <summary>A sector's name in a language (the catalogue keys them, e.g. makanan-minuman).</summary>
    public static string SectorName(string key, Language language) =>
        Infrastructure.Web.Texts.NameOf("Sector", key, Infrastructure.Web.Cultures.Of(language));

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/statistics/chart", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (string? month, string? by, string? format, bool? narrow, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(month, by ?? "kecamatan", format ?? "svg", RequestLanguage.From(http), narrow ?? false), cancellationToken)).ToFile())
            .AllowAnonymous()
            .CacheOutput(ShowPublicStatistics.CachePolicy)
            .RequireRateLimiting(AuthSetup.PublicLimit)
            .WithName("PublicStatisticsChart")
            .WithSummary("The public statistics of a month as a chart by kecamatan or sector (SVG, or PNG with format=png; narrow=true for a phone's screen).");
}
