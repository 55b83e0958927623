using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using LicensingPortal.Api.Data;
using LicensingPortal.Api.Domain;
using LicensingPortal.Api.Features.Applications;
using LicensingPortal.Api.Infrastructure;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Errors;
using LicensingPortal.Api.Infrastructure.Rules;
using LicensingPortal.Api.Infrastructure.Transparency;
using LicensingPortal.Rules.Evaluation;
using LicensingPortal.Rules.Facts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LicensingPortal.Api.Features.Audit;

/// <summary>
/// Officers audit the machine: search decisions, read each one's full trace, replay it under its pinned rule
/// set, and add notes (which go into the transparency log). Nothing here changes an outcome.
/// </summary>
public static partial class AuditDecisions
{
    public sealed record SearchItem(Guid ApplicationId, Guid BusinessId, string Outcome, DateTimeOffset DecidedAt, IReadOnlyList<string> Kbli, string? Kecamatan, IReadOnlyList<string> RequiredPermits, IReadOnlyList<string> FailedRequirements, string RuleSetHash);

    public sealed record SearchPage(int Page, int PageSize, int Total, IReadOnlyList<SearchItem> Items);

    public sealed record NoteView(Guid Id, Guid AuthorId, string Text, DateTimeOffset CreatedAt);

    public sealed record LogEntryView(long Sequence, string Type, string Actor, long OccurredAtMs, string PayloadSha256);

    public sealed record Trace(Guid ApplicationId, string Outcome, DateTimeOffset DecidedAt, string RuleSetId, string RuleSetHash, JsonNode Facts, IReadOnlyList<RequirementOutcome> Requirements, IReadOnlyList<NoteView> Notes, IReadOnlyList<LogEntryView> Log);

    public sealed record ReplayResult(Guid ApplicationId, bool Reproduced, string StoredOutcome, string ReplayedOutcome, string RuleSetHash, IReadOnlyList<string> Differences);

    public sealed record NoteRequest(string Text);

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/decisions", async Task<Results<Ok<SearchPage>, ProblemHttpResult>> (
                DateOnly? from, DateOnly? to, string? outcome, string? kbli, string? kecamatan, string? permitType, string? failedRequirement, Guid? applicant, int? page, int? pageSize,
                LicensingDbContext db, CancellationToken cancellationToken) =>
            {
                var size = Math.Clamp(pageSize ?? 50, 1, 200);
                var number = Math.Max(page ?? 1, 1);
                var query = db.Applications.AsNoTracking().Where(a => a.Decision != null);
                if (from is { } start)
                {
                    var since = new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), Wita.Offset).ToUniversalTime();
                    query = query.Where(a => a.Decision!.DecidedAt >= since);
                }

                if (to is { } end)
                {
                    var until = new DateTimeOffset(end.AddDays(1).ToDateTime(TimeOnly.MinValue), Wita.Offset).ToUniversalTime();
                    query = query.Where(a => a.Decision!.DecidedAt < until);
                }

                if (outcome is not null)
                {
                    if (outcome is not ("approved" or "rejected"))
                    {
                        return Error.Invalid("outcome", "outcome is 'approved' or 'rejected'.").ToProblem();
                    }

                    var approved = outcome == "approved";
                    query = query.Where(a => a.Decision!.Approved == approved);
                }

                if (kbli is not null)
                {
                    query = query.Where(a => a.KbliCodes.Contains(kbli));
                }

                if (kecamatan is not null)
                {
                    query = query.Where(a => a.KecamatanCode == kecamatan);
                }

                if (permitType is not null)
                {
                    query = query.Where(a => a.Decision!.RequiredPermits.Contains(permitType));
                }

                if (failedRequirement is not null)
                {
                    query = query.Where(a => a.Decision!.FailedRequirementIds.Contains(failedRequirement));
                }

                if (applicant is { } owner)
                {
                    query = query.Where(a => db.Businesses.Any(b => b.Id == a.BusinessId && b.OwnerId == owner));
                }

                var total = await query.CountAsync(cancellationToken);
                var items = await query
                    .OrderBy(a => a.Decision!.DecidedAt).ThenBy(a => a.Id)
                    .Skip((number - 1) * size).Take(size)
                    .Select(a => new SearchItem(a.Id, a.BusinessId, a.Decision!.Approved ? "approved" : "rejected", a.Decision.DecidedAt, a.KbliCodes, a.KecamatanCode, a.Decision.RequiredPermits, a.Decision.FailedRequirementIds, a.Decision.RuleSetHash))
                    .ToListAsync(cancellationToken);
                return TypedResults.Ok(new SearchPage(number, size, total, items));
            })
            .WithName("SearchDecisions")
            .WithSummary("Search decisions by local date range, outcome, KBLI, kecamatan, permit type, failed requirement and applicant; stable order, paged.");

        routes.MapGet("/decisions/{applicationId:guid}", async Task<Results<Ok<Trace>, ProblemHttpResult>> (Guid applicationId, LicensingDbContext db, CancellationToken cancellationToken) =>
            {
                var decision = await db.Decisions.AsNoTracking().FirstOrDefaultAsync(d => d.ApplicationId == applicationId, cancellationToken);
                if (decision is null)
                {
                    return NotFound();
                }

                var ruleSetId = await db.RuleSetVersions.AsNoTracking().Where(v => v.Hash == decision.RuleSetHash).Select(v => v.RuleSetId).SingleAsync(cancellationToken);
                var notes = await db.DecisionNotes.AsNoTracking().Where(n => n.ApplicationId == applicationId).OrderBy(n => n.CreatedAt)
                    .Select(n => new NoteView(n.Id, n.AuthorId, n.Text, n.CreatedAt)).ToListAsync(cancellationToken);
                var subjects = notes.Select(n => n.Id)
                    .Concat(await db.Permits.AsNoTracking().Where(p => p.ApplicationId == applicationId).Select(p => p.Id).ToListAsync(cancellationToken))
                    .Append(applicationId)
                    .ToList();
                var log = await db.TransparencyLog.AsNoTracking().Where(e => subjects.Contains(e.SubjectId)).OrderBy(e => e.Sequence)
                    .Select(e => new LogEntryView(e.Sequence, e.Type, e.Actor, e.OccurredAtMs, e.PayloadSha256)).ToListAsync(cancellationToken);
                return TypedResults.Ok(new Trace(
                    applicationId,
                    decision.Approved ? "approved" : "rejected",
                    decision.DecidedAt,
                    ruleSetId,
                    decision.RuleSetHash,
                    MaskedFacts(decision.FactsJson),
                    DecisionView.ReadTrace(decision),
                    notes,
                    log));
            })
            .WithName("GetDecisionTrace")
            .WithSummary("A decision's full trace: the facts as they were (identifiers masked), the rule set hash, every requirement's outcome with its values, notes and log entries.");

        routes.MapPost("/decisions/{applicationId:guid}/replay", async Task<Results<Ok<ReplayResult>, ProblemHttpResult>> (Guid applicationId, LicensingDbContext db, RuleSetCatalog rules, ILogger<ReplayResult> logger, CancellationToken cancellationToken) =>
            {
                var decision = await db.Decisions.AsNoTracking().FirstOrDefaultAsync(d => d.ApplicationId == applicationId, cancellationToken);
                if (decision is null)
                {
                    return NotFound();
                }

                var ruleSet = await rules.FindByHashAsync(decision.RuleSetHash, db, cancellationToken)
                    ?? throw new InvalidOperationException($"Rule set {decision.RuleSetHash} is not stored.");
                var facts = JsonSerializer.Deserialize<ApplicationFacts>(decision.FactsJson, Json.Options)!;
                var replayed = ruleSet.Evaluate(facts);
                var stored = DecisionView.ReadTrace(decision);
                var differences = Differences(decision, stored, replayed);
                var result = new ReplayResult(applicationId, differences.Count == 0, decision.Approved ? "approved" : "rejected", replayed.Outcome == Outcome.Approved ? "approved" : "rejected", decision.RuleSetHash, differences);
                if (!result.Reproduced)
                {
                    var detail = string.Join("; ", differences);
                    LogReplayMismatch(logger, applicationId, detail);
                }

                return TypedResults.Ok(result);
            })
            .WithName("ReplayDecision")
            .WithSummary("Evaluate a stored decision again under its pinned rule set and report whether it reproduces exactly.");

        routes.MapPost("/decisions/{applicationId:guid}/notes", async Task<Results<Created<NoteView>, ProblemHttpResult>> (Guid applicationId, NoteRequest request, ClaimsPrincipal user, LicensingDbContext db, TransparencyLog log, TimeProvider time, CancellationToken cancellationToken) =>
            {
                if (string.IsNullOrWhiteSpace(request.Text) || request.Text.Length > 4000)
                {
                    return Error.Invalid("text", "A note of at most 4000 characters is required.").ToProblem();
                }

                if (!await db.Decisions.AnyAsync(d => d.ApplicationId == applicationId, cancellationToken))
                {
                    return NotFound();
                }

                var now = time.GetUtcNow();
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var note = DecisionNote.Add(applicationId, user.UserId(), request.Text, now);
                db.DecisionNotes.Add(note);
                log.Record($"officer:{user.UserId():N}", LogEntryTypes.NoteAdded, note.Id, LogPayloads.ForNote(note));
                await log.FlushAsync(now, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return TypedResults.Created($"/api/audit/decisions/{applicationId}", new NoteView(note.Id, note.AuthorId, note.Text, note.CreatedAt));
            })
            .WithName("AddDecisionNote")
            .WithSummary("Add a note to a decision; it is appended to the transparency log.");
    }

    private static List<string> Differences(Decision decision, IReadOnlyList<RequirementOutcome> stored, Evaluation replayed)
    {
        var differences = new List<string>();
        if ((replayed.Outcome == Outcome.Approved) != decision.Approved)
        {
            differences.Add($"outcome: stored {(decision.Approved ? "approved" : "rejected")}, replayed {replayed.Outcome}");
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

    /// <summary>The stored facts as officers see them: personal identifiers masked, everything else as evaluated.</summary>
    private static JsonObject MaskedFacts(string factsJson)
    {
        var facts = JsonNode.Parse(factsJson)!.AsObject();
        foreach (var name in new[] { "nik", "npwp" })
        {
            if (facts[name] is JsonValue value && value.TryGetValue<string>(out var text))
            {
                facts[name] = FactDefinition.Mask(text);
            }
        }

        return facts;
    }

    private static ProblemHttpResult NotFound() => Error.NotFound(ErrorCodes.ApplicationNotFound, "No decision for that application.").ToProblem();

    [LoggerMessage(Level = LogLevel.Critical, Message = "REPLAY MISMATCH for application {ApplicationId}: {Differences}")]
    private static partial void LogReplayMismatch(ILogger logger, Guid applicationId, string differences);
}
