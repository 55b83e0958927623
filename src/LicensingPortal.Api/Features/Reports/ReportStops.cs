namespace LicensingPortal.Api.Features.Reports;

/// <summary>
/// Where applicants stop, in a period: applications begun (drafts started) and how many were sent; of those not sent,
/// the last question each reached (where people give up, or go back to the counter); refusals, how many were
/// corrected and sent again (and approved then) and how many not (yet); objections to those refusals and how many
/// were granted. Counts only.
/// </summary>
public static class ReportStops
{
    /// <summary>
    /// One line: <c>Stage</c> is drafts-started, drafts-sent, stopped-at (with <c>Step</c>, the question page last
    /// answered for the first time, which in the journey's order is the furthest reached; null for none; the most
    /// frequent first), refused, refused-sent-again, refused-approved-after, refused-not-sent-again, objections or
    /// objections-granted.
    /// </summary>
    public sealed record Stop(string Stage, string? Step, long Count);

    public sealed record Query(DateOnly From, DateOnly To) : IQuery<Result<IReadOnlyList<Stop>>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.To).IsEndOfPeriod(q => q.From);
    }

    public sealed class Handler(ReadModel model) : IQueryHandler<Query, Result<IReadOnlyList<Stop>>>
    {
        private readonly LicensingDbContext db = model.Db;

        public async ValueTask<Result<IReadOnlyList<Stop>>> Handle(Query query, CancellationToken cancellationToken)
        {
            var (since, until) = (Wita.StartOf(query.From), Wita.StartOf(query.To.AddDays(1)));
            var drafts = await db.ApplicationDrafts.AsNoTracking().Where(d => d.CreatedAt >= since && d.CreatedAt < until)
                .Select(d => new { Sent = d.SubmittedAt != null, d.CompletedSteps }).ToListAsync(cancellationToken);
            var refused = await db.Applications.AsNoTracking()
                .Where(a => a.Decision != null && !a.Decision.Approved && a.SubmissionDate >= query.From && a.SubmissionDate <= query.To)
                .Select(a => a.Id).ToListAsync(cancellationToken);
            var sentAgain = (await db.Applications.AsNoTracking()
                    .Where(a => a.PreviousApplicationId != null && refused.Contains(a.PreviousApplicationId.Value))
                    .Select(a => new { Previous = a.PreviousApplicationId!.Value, Approved = a.Decision != null && a.Decision.Approved })
                    .ToListAsync(cancellationToken))
                .ToLookup(a => a.Previous);
            var objections = await db.Objections.AsNoTracking().Where(o => refused.Contains(o.ApplicationId))
                .Select(o => o.Outcome).ToListAsync(cancellationToken);

            // Where an unsent draft stopped: the question page it answered last for the first time (pages are kept in the
            // order first answered, so in a journey asked in order this is the furthest it reached).
            var stopped = drafts.Where(d => !d.Sent).GroupBy(d => d.CompletedSteps.LastOrDefault())
                .Select(g => new Stop("stopped-at", g.Key, g.LongCount()))
                .OrderByDescending(s => s.Count).ThenBy(s => s.Step, StringComparer.Ordinal);
            List<Stop> stops =
            [
                new("drafts-started", null, drafts.Count),
                new("drafts-sent", null, drafts.Count(d => d.Sent)),
                .. stopped,
                new("refused", null, refused.Count),
                new("refused-sent-again", null, refused.Count(sentAgain.Contains)),
                new("refused-approved-after", null, refused.Count(id => sentAgain[id].Any(a => a.Approved))),
                new("refused-not-sent-again", null, refused.Count(id => !sentAgain.Contains(id))),
                new("objections", null, objections.Count),
                new("objections-granted", null, objections.Count(o => o == ObjectionOutcome.Upheld)),
            ];
            return stops;
        }
    }

    public static FileDownload ToCsv(IReadOnlyList<Stop> rows) =>
        Csv.Table("stops", ["stage", "step", "count"], rows.Select(r => new object[] { r.Stage, r.Step ?? string.Empty, r.Count }));

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/stops", async Task<Results<Ok<IReadOnlyList<Stop>>, FileContentHttpResult, ProblemHttpResult>> (DateOnly from, DateOnly to, string? format, ISender sender, CancellationToken cancellationToken) =>
            {
                var result = await sender.Send(new Query(from, to), cancellationToken);
                return !result.Succeeded ? result.Error!.ToProblem()
                    : format == "csv" ? ToCsv(result.Value).ToResult()
                    : TypedResults.Ok(result.Value);
            })
            .WithName("StopsReport")
            .WithSummary("Where applicants stop in a period: drafts started and sent, unsent drafts by the furthest question answered, refusals sent again (and approved) or not, objections and those granted (format=csv for CSV).");
}
