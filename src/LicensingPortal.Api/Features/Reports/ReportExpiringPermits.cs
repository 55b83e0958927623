using LicensingPortal.Api.Infrastructure;
using LicensingPortal.Api.Infrastructure.Rules;
using LicensingPortal.Rules.Model;

namespace LicensingPortal.Api.Features.Reports;

/// <summary>Permits whose validity ends within the next days, by type and kecamatan (codes, with their names in the asker's language); no holders.</summary>
public static class ReportExpiringPermits
{
    public sealed record ExpiringPermit(string Type, string Kecamatan, DateOnly ValidUntil, int DaysLeft, string TypeTitle, string KecamatanName);

    public sealed record Query(int Days, Language Language = Language.Indonesian) : IQuery<Result<IReadOnlyList<ExpiringPermit>>>;

    public sealed class Handler(ReadModel model, RuleSetCatalog rules, TimeProvider time) : IQueryHandler<Query, Result<IReadOnlyList<ExpiringPermit>>>
    {
        private readonly LicensingDbContext db = model.Db;

        public async ValueTask<Result<IReadOnlyList<ExpiringPermit>>> Handle(Query query, CancellationToken cancellationToken)
        {
            var today = Wita.Today(time);
            var until = today.AddDays(Math.Clamp(query.Days, 1, 366));
            var permits = await db.Permits.AsNoTracking()
                .Where(p => p.Status == PermitStatus.Active && p.RenewedByPermitId == null && p.ValidUntil != null && p.ValidUntil >= today && p.ValidUntil <= until)
                .Join(db.Applications, p => p.ApplicationId, a => a.Id, (p, a) => new { p.Type, a.KecamatanCode, p.ValidUntil })
                .ToListAsync(cancellationToken);
            var kecamatan = ReportQueries.KecamatanNames(rules, time);
            var titles = permits.Select(p => p.Type).Distinct(StringComparer.Ordinal).ToDictionary(t => t, t => ReportQueries.PermitTypeTitle(rules, time, t, query.Language), StringComparer.Ordinal);
            return permits
                .Select(p => new ExpiringPermit(
                    p.Type,
                    p.KecamatanCode ?? string.Empty,
                    p.ValidUntil!.Value,
                    p.ValidUntil.Value.DayNumber - today.DayNumber,
                    titles[p.Type],
                    kecamatan.GetValueOrDefault(p.KecamatanCode ?? string.Empty, p.KecamatanCode ?? string.Empty)))
                .OrderBy(p => p.ValidUntil).ThenBy(p => p.Type, StringComparer.Ordinal)
                .ToList();
        }
    }

    public static FileDownload ToCsv(IReadOnlyList<ExpiringPermit> rows) =>
        Csv.Table("expiring-permits", ["permit_type", "kecamatan", "valid_until", "days_left", "permit_title", "kecamatan_name"], rows.Select(r => new object[] { r.Type, r.Kecamatan, r.ValidUntil.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), r.DaysLeft, r.TypeTitle, r.KecamatanName }));

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/expiring-permits", async Task<Results<Ok<IReadOnlyList<ExpiringPermit>>, FileContentHttpResult, ProblemHttpResult>> (int? days, string? format, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
            {
                var language = RequestLanguage.From(http);
                RequestLanguage.SetContentLanguage(http, language);
                var result = await sender.Send(new Query(days ?? 90, language), cancellationToken);
                return !result.Succeeded ? result.Error!.ToProblem()
                    : format == "csv" ? ToCsv(result.Value).ToResult()
                    : TypedResults.Ok(result.Value);
            })
            .WithName("ExpiringPermitsReport")
            .WithSummary("Permits that expire within the next days (90 by default, at most 366), by type and kecamatan (format=csv for CSV).");
}
