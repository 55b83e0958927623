using System.Globalization;
using LicensingPortal.Api.Data;
using LicensingPortal.Api.Infrastructure.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LicensingPortal.Api.Features.Reports;

/// <summary>
/// Public service statistics, no login: per month, per kecamatan and per sector — applications, approval rate —
/// and the median decision time. Counts only, nothing personal; cached and rate-limited.
/// </summary>
public static class PublicStatistics
{
    public const string CachePolicy = "public-statistics";

    public sealed record Row(string Key, long Applications, double ApprovalRate);

    public sealed record Response(string Month, long Applications, double ApprovalRate, int MedianDecisionMs, IReadOnlyList<Row> ByKecamatan, IReadOnlyList<Row> BySector);

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/statistics", async Task<Results<Ok<Response>, ProblemHttpResult>> (string month, LicensingDbContext db, CancellationToken cancellationToken) =>
            {
                if (!DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
                {
                    return Error.Invalid("month", "month is yyyy-MM.").ToProblem();
                }

                var last = first.AddMonths(1).AddDays(-1);
                var counts = await db.DailyDecisionCounts.AsNoTracking().Where(c => c.Day >= first && c.Day <= last).ToListAsync(cancellationToken);
                var latency = await Reports.LatencyAsync(db, first, last, cancellationToken);
                static List<Row> By(IEnumerable<Domain.DailyDecisionCount> rows, Func<Domain.DailyDecisionCount, string> key) => rows
                    .GroupBy(key)
                    .OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => new Row(g.Key, g.Sum(c => c.Count), Reports.Rate(g.Where(c => c.Approved).Sum(c => c.Count), g.Sum(c => c.Count))))
                    .ToList();
                var total = counts.Sum(c => c.Count);
                return TypedResults.Ok(new Response(month, total, Reports.Rate(counts.Where(c => c.Approved).Sum(c => c.Count), total), latency.P50Ms, By(counts, c => c.Kecamatan), By(counts, c => c.Sector)));
            })
            .AllowAnonymous()
            .CacheOutput(CachePolicy)
            .RequireRateLimiting(Infrastructure.Auth.AuthSetup.PublicLimit)
            .WithName("PublicStatistics")
            .WithSummary("Public service statistics of a month: applications, approval rate and median decision time, by kecamatan and sector.");
}
