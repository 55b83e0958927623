using LicensingPortal.Api.Infrastructure.Rules;

namespace LicensingPortal.Api.Features.Reports;

/// <summary>
/// `reports rebuild`: recomputes every report counter from the stored applications, decisions and deliveries,
/// in one unit of work. The result must equal what the decisions counted as they were made (a test checks it).
/// </summary>
public static class RebuildReports
{
    /// <summary>The number of decisions counted.</summary>
    public sealed record Command : ICommand<Result<int>>;

    public sealed class Handler(LicensingDbContext db, RuleSetCatalog rules, TimeProvider time) : ICommandHandler<Command, Result<int>>
    {
        public async ValueTask<Result<int>> Handle(Command command, CancellationToken cancellationToken)
        {
            var catalogue = rules.InForceOn(Wita.Today(time))?.Definition.Kbli
                ?? throw new InvalidOperationException("No rule set is in force today.");

            await db.DecisionContributions.ExecuteDeleteAsync(cancellationToken);
            await db.RequirementFailureContributions.ExecuteDeleteAsync(cancellationToken);
            await db.DailyDecisionCounts.ExecuteDeleteAsync(cancellationToken);
            await db.DailyLatencyBuckets.ExecuteDeleteAsync(cancellationToken);
            await db.DailyRequirementFailures.ExecuteDeleteAsync(cancellationToken);
            await db.MonthlyLatencyBuckets.ExecuteDeleteAsync(cancellationToken);
            await db.DailyDeliveryCounts.ExecuteDeleteAsync(cancellationToken);

            var rows = await db.Applications.AsNoTracking()
                .Where(a => a.Decision != null)
                .Select(a => new { a.SubmissionDate, a.KecamatanCode, a.KbliCodes, a.PermitType, a.Decision!.Approved, a.Decision.LatencyMs, a.Decision.FailedRequirementIds })
                .ToListAsync(cancellationToken);
            foreach (var group in rows.GroupBy(r => (r.SubmissionDate, Kecamatan: r.KecamatanCode ?? string.Empty, Sector: ReportCounters.SectorOf(r.KbliCodes, catalogue), r.PermitType, r.Approved)))
            {
                db.DailyDecisionCounts.Add(new DailyDecisionCount { Day = group.Key.SubmissionDate, Kecamatan = group.Key.Kecamatan, Sector = group.Key.Sector, PermitType = group.Key.PermitType, Approved = group.Key.Approved, Count = group.Count() });
            }

            foreach (var group in rows.GroupBy(r => (r.SubmissionDate, Bucket: DailyLatencyBucket.BucketOf(r.LatencyMs))))
            {
                db.DailyLatencyBuckets.Add(new DailyLatencyBucket { Day = group.Key.SubmissionDate, UpperBoundMs = group.Key.Bucket, Count = group.Count() });
            }

            foreach (var group in rows
                .SelectMany(r =>
                {
                    var month = new DateOnly(r.SubmissionDate.Year, r.SubmissionDate.Month, 1);
                    var bucket = DailyLatencyBucket.BucketOf(r.LatencyMs);
                    return new[]
                    {
                        (Month: month, Dimension: MonthlyLatencyBucket.ByKecamatan, Key: r.KecamatanCode ?? string.Empty, Bucket: bucket),
                        (Month: month, Dimension: MonthlyLatencyBucket.BySector, Key: ReportCounters.SectorOf(r.KbliCodes, catalogue), Bucket: bucket),
                    };
                })
                .GroupBy(x => x))
            {
                db.MonthlyLatencyBuckets.Add(new MonthlyLatencyBucket { Month = group.Key.Month, Dimension = group.Key.Dimension, Key = group.Key.Key, UpperBoundMs = group.Key.Bucket, Count = group.Count() });
            }

            var delivered = await db.OutboxMessages.AsNoTracking().Where(m => m.ProcessedAt != null).Select(m => new { m.ProcessedAt, m.Channel }).ToListAsync(cancellationToken);
            foreach (var group in delivered.GroupBy(m => (Day: Wita.DateOf(m.ProcessedAt!.Value), m.Channel)))
            {
                db.DailyDeliveryCounts.Add(new DailyDeliveryCount { Day = group.Key.Day, Channel = group.Key.Channel, Delivered = group.Count() });
            }

            foreach (var group in rows.SelectMany(r => r.FailedRequirementIds.Select(id => (r.SubmissionDate, id))).GroupBy(x => x))
            {
                db.DailyRequirementFailures.Add(new DailyRequirementFailure { Day = group.Key.SubmissionDate, RequirementId = group.Key.id, Count = group.Count() });
            }

            return rows.Count;
        }
    }
}
