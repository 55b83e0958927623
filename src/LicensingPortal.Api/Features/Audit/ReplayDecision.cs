using LicensingPortal.Api.Infrastructure.Rules;
using LicensingPortal.Rules.Evaluation;

namespace LicensingPortal.Api.Features.Audit;

/// <summary>
/// Evaluates a stored decision's facts again under its pinned rule set (loaded from the database if its files are
/// gone) and reports whether it reproduces exactly; a mismatch is logged as critical and shown.
/// </summary>
public static partial class ReplayDecision
{
    public sealed record ReplayResult(Guid ApplicationId, bool Reproduced, string StoredOutcome, string ReplayedOutcome, string RuleSetHash, IReadOnlyList<string> Differences);

    public sealed record Query(Guid ApplicationId) : IQuery<Result<ReplayResult>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.ApplicationId).NotEmpty();
    }

    public sealed class Handler(LicensingDbContext db, RuleSetCatalog rules, ILogger<Handler> logger) : IQueryHandler<Query, Result<ReplayResult>>
    {
        public async ValueTask<Result<ReplayResult>> Handle(Query query, CancellationToken cancellationToken)
        {
            var decision = await db.Decisions.AsNoTracking().FirstOrDefaultAsync(d => d.ApplicationId == query.ApplicationId, cancellationToken);
            if (decision is null)
            {
                return GetDecisionTrace.NoDecision;
            }

            var ruleSet = await rules.FindByHashAsync(decision.RuleSetHash, db, cancellationToken)
                ?? throw new InvalidOperationException($"Rule set {decision.RuleSetHash} is not stored.");
            var replayed = ruleSet.Evaluate(decision.Facts);
            var differences = Differences(decision, replayed);
            var result = new ReplayResult(query.ApplicationId, differences.Count == 0, decision.Outcome, Outcomes.Of(replayed.Outcome == Outcome.Approved), decision.RuleSetHash, differences);
            if (!result.Reproduced)
            {
                LogReplayMismatch(logger, query.ApplicationId, differences);
            }

            return result;
        }
    }

    private static List<string> Differences(Decision decision, Evaluation replayed)
    {
        var stored = decision.Trace;
        var differences = new List<string>();
        if ((replayed.Outcome == Outcome.Approved) != decision.Approved)
        {
            differences.Add($"outcome: stored {decision.Outcome}, replayed {Outcomes.Of(replayed.Outcome == Outcome.Approved)}");
        }

        if (replayed.RuleSetHash != decision.RuleSetHash)
        {
            differences.Add($"rule set: stored {decision.RuleSetHash}, replayed {replayed.RuleSetHash}");
        }

        var byId = replayed.Requirements.ToDictionary(r => r.RequirementId, StringComparer.Ordinal);
        foreach (var before in stored)
        {
            if (!byId.TryGetValue(before.RequirementId, out var after))
            {
                differences.Add($"{before.RequirementId}: not in the replay");
            }
            else if (before.Status != after.Status || before.ExpectedValue != after.ExpectedValue || !before.Facts.SequenceEqual(after.Facts))
            {
                differences.Add($"{before.RequirementId}: stored {before.Status}, replayed {after.Status}");
            }
        }

        differences.AddRange(replayed.Requirements.Where(r => stored.All(s => s.RequirementId != r.RequirementId)).Select(r => $"{r.RequirementId}: only in the replay"));
        return differences;
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "REPLAY MISMATCH for application {ApplicationId}: {Differences}")]
    private static partial void LogReplayMismatch(ILogger logger, Guid applicationId, IReadOnlyList<string> differences);

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/decisions/{applicationId:guid}/replay", async Task<Results<Ok<ReplayResult>, ProblemHttpResult>> (Guid applicationId, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(applicationId), cancellationToken)).ToOk())
            .WithName("ReplayDecision")
            .WithSummary("Evaluate a stored decision again under its pinned rule set and report whether it reproduces exactly.");
}
