using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using LicensingPortal.Api.Data;
using LicensingPortal.Api.Domain;
using LicensingPortal.Api.Infrastructure;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Errors;
using LicensingPortal.Api.Infrastructure.Rules;
using LicensingPortal.Rules;
using LicensingPortal.Rules.Evaluation;
using LicensingPortal.Rules.Facts;
using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LicensingPortal.Api.Features.Audit;

/// <summary>
/// What-if analysis: an officer submits a draft rule set (in the body, or a folder under rules/drafts/); a
/// background job evaluates the decisions of a period under it; progress, then the result — decisions that
/// would flip each way, the impact of each requirement, a sample — and a CSV of every affected application.
/// </summary>
public static class WhatIf
{
    public sealed record Request(string? RuleSet, string? Draft, DateOnly From, DateOnly To);

    public sealed record Progress(Guid Id, WhatIfStatus Status, int Done, int Total, double? SecondsLeft, string DraftHash, DateOnly From, DateOnly To, Result? Result, string? Error);

    public sealed record Result(int Evaluated, int Unchanged, int WouldBeApproved, int WouldBeRejected, IReadOnlyList<RequirementImpact> Requirements, IReadOnlyList<Affected> Sample, IReadOnlyList<Affected> Affected);

    public sealed record RequirementImpact(string Id, int FailedBefore, int FailedAfter);

    public sealed record Affected(Guid ApplicationId, string Before, string After, IReadOnlyList<string> NewlyFailed, IReadOnlyList<string> NoLongerFailed);

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/what-if", async Task<Results<Accepted<Progress>, ProblemHttpResult>> (Request request, ClaimsPrincipal user, LicensingDbContext db, IBackgroundJobClient jobs, IOptions<RulesOptions> rules, IWebHostEnvironment environment, TimeProvider time, CancellationToken cancellationToken) =>
            {
                if (request.To < request.From || (request.RuleSet is null) == (request.Draft is null))
                {
                    return Invalid("Give either 'ruleSet' (YAML of a rule set with its requirements) or 'draft' (a folder under rules/drafts/), and a period with from ≤ to.");
                }

                var loaded = Compile(request, rules.Value, environment.ContentRootPath);
                if (loaded.RuleSet is null)
                {
                    return new Error(ErrorCodes.ValidationFailed, StatusCodes.Status400BadRequest, "The draft rule set has problems.", string.Join("\n", loaded.Diagnostics), new Dictionary<string, string[]> { ["ruleSet"] = [.. loaded.Diagnostics.Select(d => d.ToString())] }).ToProblem();
                }

                var run = WhatIfRun.Queue(user.UserId(), loaded.RuleSet.CanonicalContent, loaded.RuleSet.Hash, request.From, request.To, time.GetUtcNow());
                db.WhatIfRuns.Add(run);
                await db.SaveChangesAsync(cancellationToken);
                jobs.Enqueue<WhatIfJob>(job => job.RunAsync(run.Id, CancellationToken.None));
                return TypedResults.Accepted($"/api/audit/what-if/{run.Id}", ProgressOf(run, time));
            })
            .WithName("StartWhatIf")
            .WithSummary("Evaluate a draft rule set over the decisions of a period, in the background.");

        routes.MapGet("/what-if/{id:guid}", async Task<Results<Ok<Progress>, ProblemHttpResult>> (Guid id, LicensingDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
            {
                var run = await db.WhatIfRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
                return run is null ? Error.NotFound(ErrorCodes.NotFound, "No such analysis.").ToProblem() : TypedResults.Ok(ProgressOf(run, time));
            })
            .WithName("GetWhatIf")
            .WithSummary("Progress (done, total, estimated time left), then the result of a what-if analysis.");

        routes.MapGet("/what-if/{id:guid}/affected.csv", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (Guid id, LicensingDbContext db, CancellationToken cancellationToken) =>
            {
                var run = await db.WhatIfRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.Status == WhatIfStatus.Completed, cancellationToken);
                if (run is null)
                {
                    return Error.NotFound(ErrorCodes.NotFound, "No completed analysis with that id.").ToProblem();
                }

                var result = JsonSerializer.Deserialize<Result>(run.ResultJson!, Json.Options)!;
                var csv = new StringBuilder("application_id,before,after,newly_failed,no_longer_failed\n");
                foreach (var affected in result.Affected)
                {
                    csv.Append(CultureInfo.InvariantCulture, $"{affected.ApplicationId},{affected.Before},{affected.After},{string.Join(' ', affected.NewlyFailed)},{string.Join(' ', affected.NoLongerFailed)}\n");
                }

                return TypedResults.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv", $"what-if-{id}.csv");
            })
            .WithName("ExportWhatIf")
            .WithSummary("The applications whose outcome or failed requirements would change, as CSV.");
    }

    private static RuleSetLoadResultAdapter Compile(Request request, RulesOptions options, string contentRoot)
    {
        var seeds = PathResolver.Find(options.SeedsDirectory, contentRoot);
        if (request.Draft is { } draft)
        {
            if (draft.Contains("..", StringComparison.Ordinal) || draft.Contains('/', StringComparison.Ordinal) || draft.Contains('\\', StringComparison.Ordinal))
            {
                return new RuleSetLoadResultAdapter(null, ["a draft is a folder name under rules/drafts/"]);
            }

            var folder = Path.Combine(PathResolver.Find(options.Directory, contentRoot), "drafts", draft);
            if (!File.Exists(Path.Combine(folder, RuleSetLoader.RuleSetFileName)))
            {
                return new RuleSetLoadResultAdapter(null, [$"no draft '{draft}' under rules/drafts/"]);
            }

            var fromFolder = RuleSetLoader.LoadFolder(folder, seeds);
            return new RuleSetLoadResultAdapter(fromFolder.RuleSet, fromFolder.Diagnostics.Select(d => d.ToString()).ToList());
        }

        var temporary = Directory.CreateTempSubdirectory("lp-draft-");
        try
        {
            File.WriteAllText(Path.Combine(temporary.FullName, RuleSetLoader.RuleSetFileName), request.RuleSet);
            var fromBody = RuleSetLoader.LoadFolder(temporary.FullName, seeds);
            return new RuleSetLoadResultAdapter(fromBody.RuleSet, fromBody.Diagnostics.Select(d => d.ToString().Replace(temporary.FullName, "draft", StringComparison.Ordinal)).ToList());
        }
        finally
        {
            temporary.Delete(recursive: true);
        }
    }

    private sealed record RuleSetLoadResultAdapter(LicensingPortal.Rules.Compilation.CompiledRuleSet? RuleSet, IReadOnlyList<string> Diagnostics);

    private static Progress ProgressOf(WhatIfRun run, TimeProvider time)
    {
        double? left = null;
        if (run is { Status: WhatIfStatus.Running, StartedAt: { } started, Done: > 0 })
        {
            var elapsed = (time.GetUtcNow() - started).TotalSeconds;
            left = elapsed / run.Done * (run.Total - run.Done);
        }

        var result = run.ResultJson is null ? null : JsonSerializer.Deserialize<Result>(run.ResultJson, Json.Options);
        return new Progress(run.Id, run.Status, run.Done, run.Total, left, run.DraftHash, run.From, run.To, result is null ? null : result with { Affected = [] }, run.Error);
    }

    private static ProblemHttpResult Invalid(string message) => Error.Invalid("ruleSet", message).ToProblem();
}

/// <summary>The background job of a what-if analysis: evaluates the period's stored facts under the draft, in batches, reporting progress.</summary>
public sealed class WhatIfJob(LicensingDbContext db, TimeProvider time)
{
    private const int BatchSize = 2000;
    private const int SampleSize = 20;

    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(Guid runId, CancellationToken cancellationToken)
    {
        var run = await db.WhatIfRuns.SingleAsync(r => r.Id == runId, cancellationToken);
        try
        {
            var draft = RuleSetLoader.LoadCanonical(run.DraftContent).RuleSet ?? throw new InvalidOperationException("The draft no longer compiles.");
            var period = db.Applications.AsNoTracking().Where(a => a.Decision != null && a.SubmissionDate >= run.From && a.SubmissionDate <= run.To);
            run.Start(await period.CountAsync(cancellationToken), time.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);

            var failedBefore = new Dictionary<string, int>(StringComparer.Ordinal);
            var failedAfter = new Dictionary<string, int>(StringComparer.Ordinal);
            var affected = new List<WhatIf.Affected>();
            var (unchanged, toApproved, toRejected, done) = (0, 0, 0, 0);
            Guid? after = null;
            while (true)
            {
                var batch = await period
                    .Where(a => after == null || a.Id.CompareTo(after.Value) > 0)
                    .OrderBy(a => a.Id)
                    .Take(BatchSize)
                    .Select(a => new { a.Id, a.Decision!.Approved, a.Decision.FactsJson, a.Decision.FailedRequirementIds })
                    .ToListAsync(cancellationToken);
                if (batch.Count == 0)
                {
                    break;
                }

                foreach (var decision in batch)
                {
                    var facts = JsonSerializer.Deserialize<ApplicationFacts>(decision.FactsJson, Json.Options)!;
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
                        affected.Add(new WhatIf.Affected(decision.Id, decision.Approved ? "approved" : "rejected", approvedNow ? "approved" : "rejected", newly, gone));
                    }
                }

                done += batch.Count;
                after = batch[^1].Id;
                await db.WhatIfRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(set => set.SetProperty(r => r.Done, done), cancellationToken);
            }

            var requirements = failedBefore.Keys.Union(failedAfter.Keys).Order(StringComparer.Ordinal)
                .Select(id => new WhatIf.RequirementImpact(id, failedBefore.GetValueOrDefault(id), failedAfter.GetValueOrDefault(id)))
                .Where(r => r.FailedBefore != r.FailedAfter)
                .ToList();
            var result = new WhatIf.Result(done, unchanged, toApproved, toRejected, requirements, affected.Take(SampleSize).ToList(), affected);
            run.Complete(JsonSerializer.Serialize(result, Json.Options), time.GetUtcNow());
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            run.Fail(ex.Message, time.GetUtcNow());
            await db.SaveChangesAsync(CancellationToken.None);
        }
    }
}
