using LicensingPortal.Api.Infrastructure.Rules;

namespace LicensingPortal.Api.Features.Reports;

/// <summary>
/// The life of businesses in a period, by kecamatan: first permits approved, permits renewed (approved renewals),
/// approved changes of running businesses (in the kecamatan they moved to) and businesses closed by their owners. A closed business counts in the kecamatan of its latest approved application.
/// </summary>
public static class ReportLifeEvents
{
    public sealed record LifeEvents(string Kecamatan, string Name, long NewApprovals, long Renewals, long Closures, long Changes = 0);

    public sealed record Query(DateOnly From, DateOnly To) : IQuery<Result<IReadOnlyList<LifeEvents>>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.To).IsEndOfPeriod(q => q.From);
    }

    public sealed class Handler(ReadModel model, RuleSetCatalog rules, TimeProvider time) : IQueryHandler<Query, Result<IReadOnlyList<LifeEvents>>>
    {
        private readonly LicensingDbContext db = model.Db;

        public async ValueTask<Result<IReadOnlyList<LifeEvents>>> Handle(Query query, CancellationToken cancellationToken)
        {
            var approved = await db.Applications.AsNoTracking()
                .Where(a => a.Decision != null && a.Decision.Approved && a.SubmissionDate >= query.From && a.SubmissionDate <= query.To)
                .GroupBy(a => new { a.KecamatanCode, Renewal = a.RenewsPermitId != null, Change = a.ChangesApplicationId != null })
                .Select(g => new { g.Key.KecamatanCode, g.Key.Renewal, g.Key.Change, Count = g.LongCount() })
                .ToListAsync(cancellationToken);
            var (since, until) = (Wita.StartOf(query.From), Wita.StartOfDayAfter(query.To));
            var closed = await db.Businesses.AsNoTracking().Where(b => b.ClosedAt >= since && b.ClosedAt < until).Select(b => b.Id).ToListAsync(cancellationToken);
            var closedIn = (await db.Applications.AsNoTracking()
                    .Where(a => closed.Contains(a.BusinessId) && a.Status == ApplicationStatus.Approved)
                    .Select(a => new { a.BusinessId, a.KecamatanCode, a.SubmittedAt })
                    .ToListAsync(cancellationToken))
                .GroupBy(a => a.BusinessId)
                .Select(g => g.OrderByDescending(a => a.SubmittedAt).First().KecamatanCode ?? string.Empty)
                .ToList();
            var unplaced = closed.Count - closedIn.Count;
            var names = ReportQueries.KecamatanNames(rules, time);
            var kecamatan = approved.Select(a => a.KecamatanCode ?? string.Empty).Concat(closedIn).Concat(unplaced > 0 ? [string.Empty] : []).Distinct().Order(StringComparer.Ordinal);
            return kecamatan.Select(code => new LifeEvents(
                    code,
                    names.GetValueOrDefault(code, code),
                    approved.Where(a => (a.KecamatanCode ?? string.Empty) == code && !a.Renewal && !a.Change).Sum(a => a.Count),
                    approved.Where(a => (a.KecamatanCode ?? string.Empty) == code && a.Renewal).Sum(a => a.Count),
                    closedIn.Count(c => c == code) + (code.Length == 0 ? unplaced : 0),
                    approved.Where(a => (a.KecamatanCode ?? string.Empty) == code && a.Change).Sum(a => a.Count)))
                .ToList();
        }
    }

    public static FileDownload ToCsv(IReadOnlyList<LifeEvents> rows) =>
        Csv.Table("life-events", ["kecamatan", "name", "new_approvals", "renewals", "closures", "changes"], rows.Select(r => new object[] { r.Kecamatan, r.Name, r.NewApprovals, r.Renewals, r.Closures, r.Changes }));

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/life-events", async Task<Results<Ok<IReadOnlyList<LifeEvents>>, FileContentHttpResult, ProblemHttpResult>> (DateOnly from, DateOnly to, string? format, ISender sender, CancellationToken cancellationToken) =>
            {
                var result = await sender.Send(new Query(from, to), cancellationToken);
                return !result.Succeeded ? result.Error!.ToProblem()
                    : format == "csv" ? ToCsv(result.Value).ToResult()
                    : TypedResults.Ok(result.Value);
            })
            .WithName("LifeEventsReport")
            .WithSummary("First permits approved, renewals approved, changes approved and businesses closed in a period, by kecamatan (format=csv for CSV).");
}
