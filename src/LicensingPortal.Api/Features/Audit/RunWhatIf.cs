using System.Text.Json;
using Hangfire;
using LicensingPortal.Rules;
using LicensingPortal.Rules.Evaluation;

namespace LicensingPortal.Api.Features.Audit;

/// <summary>
/// The background job of a what-if analysis: evaluates the period's stored facts under the draft, a batch at a
/// time, recording progress after each batch (so it shows while it runs), then the result. It reads decisions; it
/// never changes one.
/// </summary>
public static class RunWhatIf
{
    private const int BatchSize = 2000;
    private const int SampleSize = 20;

    public sealed record Decided(Guid Id, bool Approved, string FactsJson, IReadOnlyList<string> FailedRequirementIds);

    /// <summary>Marks the run started with the number of decisions in its period; returns the run.</summary>
    public sealed record Begin(Guid RunId) : ICommand<Result<WhatIfRun>>;

    /// <summary>The next batch of the period's decisions after <paramref name="After"/>, in id order.</summary>
    public sealed record ReadBatch(DateOnly From, DateOnly To, Guid? After) : IQuery<Result<IReadOnlyList<Decided>>>;

    public sealed record RecordProgress(Guid RunId, int Done) : ICommand<Result<int>>;

    public sealed record Complete(Guid RunId, WhatIfResult Result) : ICommand<Result<Guid>>;

    public sealed record Fail(Guid RunId, string Error) : ICommand<Result<Guid>>;

    public sealed class BeginHandler(LicensingDbContext db, TimeProvider time) : ICommandHandler<Begin, Result<WhatIfRun>>
    {
        public async ValueTask<Result<WhatIfRun>> Handle(Begin command, CancellationToken cancellationToken)
        {
            var run = await db.WhatIfRuns.SingleAsync(r => r.Id == command.RunId, cancellationToken);
            run.Start(await Period(db, run.From, run.To).CountAsync(cancellationToken), time.GetUtcNow());
            return run;
        }
    }

    public sealed class ReadBatchHandler(LicensingDbContext db) : IQueryHandler<ReadBatch, Result<IReadOnlyList<Decided>>>
    {
        public async ValueTask<Result<IReadOnlyList<Decided>>> Handle(ReadBatch query, CancellationToken cancellationToken) =>
            await Period(db, query.From, query.To)
                .Where(a => query.After == null || a.Id.CompareTo(query.After.Value) > 0)
                .OrderBy(a => a.Id)
                .Take(BatchSize)
                .Select(a => new Decided(a.Id, a.Decision!.Approved, a.Decision.FactsJson, a.Decision.FailedRequirementIds))
                .ToListAsync(cancellationToken);
    }

    public sealed class RecordProgressHandler(LicensingDbContext db) : ICommandHandler<RecordProgress, Result<int>>
    {
        public async ValueTask<Result<int>> Handle(RecordProgress command, CancellationToken cancellationToken)
        {
            var run = await db.WhatIfRuns.SingleAsync(r => r.Id == command.RunId, cancellationToken);
            run.Progress(command.Done);
            return run.Done;
        }
    }

    public sealed class CompleteHandler(LicensingDbContext db, TimeProvider time) : ICommandHandler<Complete, Result<Guid>>
    {
        public async ValueTask<Result<Guid>> Handle(Complete command, CancellationToken cancellationToken)
        {
            var run = await db.WhatIfRuns.SingleAsync(r => r.Id == command.RunId, cancellationToken);
            run.Complete(JsonSerializer.Serialize(command.Result, Json.Options), time.GetUtcNow());
            return run.Id;
        }
    }

    public sealed class FailHandler(LicensingDbContext db, TimeProvider time) : ICommandHandler<Fail, Result<Guid>>
    {
        public async ValueTask<Result<Guid>> Handle(Fail command, CancellationToken cancellationToken)
        {
            var run = await db.WhatIfRuns.SingleAsync(r => r.Id == command.RunId, cancellationToken);
            run.Fail(command.Error, time.GetUtcNow());
            return run.Id;
        }
    }

    private static IQueryable<PermitApplication> Period(LicensingDbContext db, DateOnly from, DateOnly to) =>
        db.Applications.AsNoTracking().Where(a => a.Decision != null && a.SubmissionDate >= from && a.SubmissionDate <= to);

    public sealed class Job(ISender sender)
    {
        [AutomaticRetry(Attempts = 0)]
        public async Task RunAsync(Guid runId, CancellationToken cancellationToken)
        {
            try
            {
                var run = (await sender.Send(new Begin(runId), cancellationToken)).Value;
                var draft = RuleSetLoader.LoadCanonical(run.DraftContent).RuleSet ?? throw new InvalidOperationException("The draft no longer compiles.");
                var failedBefore = new Dictionary<string, int>(StringComparer.Ordinal);
                var failedAfter = new Dictionary<string, int>(StringComparer.Ordinal);
                var affected = new List<AffectedApplication>();
                var (unchanged, toApproved, toRejected, done) = (0, 0, 0, 0);
                Guid? after = null;
                while (true)
                {
                    var batch = (await sender.Send(new ReadBatch(run.From, run.To, after), cancellationToken)).Value;
                    if (batch.Count == 0)
                    {
                        break;
                    }

                    foreach (var decision in batch)
                    {
                        var facts = JsonSerializer.Deserialize<Rules.Facts.ApplicationFacts>(decision.FactsJson, Json.Options)!;
                        var evaluation = draft.Evaluate(facts);
                        var nowFailed = evaluation.FailedRequirementIds.ToHashSet(StringComparer.Ordinal);
                        foreach (var id in decision.FailedRequirementIds)
                        {
                            failedBefore[id] = failedBefore.GetValueOrDefault(id) + 1;
                        }

                        foreach (var id in nowFailed)
                        {
                            failedAfter[id] = failedAfter.GetValueOrDefault(id) + 1;
                        }

                        var approvedNow = evaluation.Outcome == Outcome.Approved;
                        var newly = nowFailed.Except(decision.FailedRequirementIds).Order(StringComparer.Ordinal).ToList();
                        var gone = decision.FailedRequirementIds.Except(nowFailed).Order(StringComparer.Ordinal).ToList();
                        if (approvedNow != decision.Approved)
                        {
                            _ = approvedNow ? toApproved++ : toRejected++;
                        }
                        else
                        {
                            unchanged++;
                        }

                        if (approvedNow != decision.Approved || newly.Count > 0 || gone.Count > 0)
                        {
                            affected.Add(new AffectedApplication(decision.Id, Outcomes.Of(decision.Approved), Outcomes.Of(approvedNow), newly, gone));
                        }
                    }

                    done += batch.Count;
                    after = batch[^1].Id;
                    await sender.Send(new RecordProgress(runId, done), cancellationToken);
                }

                var requirements = failedBefore.Keys.Union(failedAfter.Keys).Order(StringComparer.Ordinal)
                    .Select(id => new RequirementImpact(id, failedBefore.GetValueOrDefault(id), failedAfter.GetValueOrDefault(id)))
                    .Where(r => r.FailedBefore != r.FailedAfter)
                    .ToList();
                await sender.Send(new Complete(runId, new WhatIfResult(done, unchanged, toApproved, toRejected, requirements, affected.Take(SampleSize).ToList(), affected)), CancellationToken.None);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                await sender.Send(new Fail(runId, ex.Message), CancellationToken.None);
            }
        }
    }
}
