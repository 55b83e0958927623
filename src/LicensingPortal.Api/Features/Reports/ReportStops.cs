namespace LicensingPortal.Api.Features.Reports;

/// <summary>
/// Where applicants stop, in a period: new applications begun on the pages (drafts started; not corrections, renewals
/// or changes, which start with every answer given) and how many were sent; of those not sent, the last question each
/// reached (where people give up, or go back to the counter); new applications refused the first time, how many were
/// corrected and sent again and how many were approved in the end, and how many not (yet); objections filed in the
/// period and how they stand: granted, the refusal upheld, not answered yet, and of those the ones past their last day
/// (which the law deems granted). Counts only.
/// </summary>
public static class ReportStops
{
    /// <summary>How many corrections of one refusal are followed at most (a chain longer than this is cut there).</summary>
    private const int LongestChain = 20;

    /// <summary>
    /// One line: <c>Stage</c> is drafts-started, drafts-sent, stopped-at (with <c>Step</c>, the question page last
    /// answered for the first time, which in the journey's order is the furthest reached; null for none; the most
    /// frequent first), refused, refused-sent-again, refused-approved-after, refused-not-sent-again, objections,
    /// objections-granted, objections-stands (the refusal upheld), objections-waiting (not answered yet) or
    /// objections-late (not answered, past the last day to answer: deemed granted, UU 30/2014 Pasal 77).
    /// </summary>
    public sealed record Stop(string Stage, string? Step, long Count);

    public sealed record Query(DateOnly From, DateOnly To) : IQuery<Result<IReadOnlyList<Stop>>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.To).IsEndOfPeriod(q => q.From);
    }

    public sealed class Handler(ReadModel model, TimeProvider time) : IQueryHandler<Query, Result<IReadOnlyList<Stop>>>
    {
        private readonly LicensingDbContext db = model.Db;

        public async ValueTask<Result<IReadOnlyList<Stop>>> Handle(Query query, CancellationToken cancellationToken)
        {
            var (since, until) = (Wita.StartOf(query.From), Wita.StartOfDayAfter(query.To));
            var drafts = await db.ApplicationDrafts.AsNoTracking()
                .Where(d => d.CreatedAt >= since && d.CreatedAt < until && d.CorrectsApplicationId == null && d.RenewsPermitId == null && d.ChangesBusinessId == null)
                .Select(d => new { Sent = d.SubmittedApplicationId != null, d.CompletedSteps }).ToListAsync(cancellationToken);

            // New applications refused the first time in the period, and each one's chain of corrections to its end.
            var refused = await db.Applications.AsNoTracking()
                .Where(a => a.Decision != null && !a.Decision.Approved && a.PreviousApplicationId == null && a.RenewsPermitId == null && a.ChangesApplicationId == null
                    && a.SubmissionDate >= query.From && a.SubmissionDate <= query.To)
                .Select(a => a.Id).ToListAsync(cancellationToken);
            var next = new Dictionary<Guid, (Guid Id, bool Approved)>();
            var frontier = refused;
            for (var link = 0; link < LongestChain && frontier.Count > 0; link++)
            {
                var corrections = await db.Applications.AsNoTracking()
                    .Where(a => a.PreviousApplicationId != null && frontier.Contains(a.PreviousApplicationId.Value))
                    .Select(a => new { Previous = a.PreviousApplicationId!.Value, a.Id, Approved = a.Decision != null && a.Decision.Approved })
                    .ToListAsync(cancellationToken);
                foreach (var correction in corrections)
                {
                    next.TryAdd(correction.Previous, (correction.Id, correction.Approved));
                }

                frontier = [.. corrections.Where(c => !c.Approved).Select(c => c.Id)];
            }

            bool ApprovedInTheEnd(Guid id)
            {
                for (var link = 0; link < LongestChain && next.TryGetValue(id, out var correction); link++, id = correction.Id)
                {
                    if (correction.Approved)
                    {
                        return true;
                    }
                }

                return false;
            }

            var objections = await db.Objections.AsNoTracking().Where(o => o.FiledAt >= since && o.FiledAt < until)
                .Select(o => new { o.Outcome, o.AnswerDueOn, AppealedAt = (DateTimeOffset?)o.Appeal!.FiledAt, AppealOutcome = o.Appeal!.Outcome }).ToListAsync(cancellationToken);
            var today = Wita.Today(time);

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
                new("refused-sent-again", null, refused.Count(next.ContainsKey)),
                new("refused-approved-after", null, refused.Count(ApprovedInTheEnd)),
                new("refused-not-sent-again", null, refused.Count(id => !next.ContainsKey(id))),
                new("objections", null, objections.Count),
                new("objections-granted", null, objections.Count(o => o.Outcome == ObjectionOutcome.Upheld)),
                new("objections-stands", null, objections.Count(o => o.Outcome == ObjectionOutcome.Stands)),
                new("objections-appealed", null, objections.Count(o => o.AppealedAt is not null)),
                new("objections-appeal-granted", null, objections.Count(o => o.AppealOutcome == ObjectionOutcome.Upheld)),
                new("objections-waiting", null, objections.Count(o => o.Outcome is null)),
                new("objections-late", null, objections.Count(o => o.Outcome is null && o.AnswerDueOn < today)),
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
            .WithSummary("Where applicants stop in a period: new applications begun on the pages and sent, the unsent by the last question answered (most frequent first), new applications refused the first time and whether they were sent again and approved in the end, objections filed and how they stand (granted, upheld refusal, waiting, waiting past their last day) (format=csv for CSV).");
}
