using System.Globalization;
using System.Security.Claims;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Transparency;

namespace LicensingPortal.Api.Features.Transparency;

/// <summary>
/// An applicant's proof that the decision on their own application is in the log, with a signed checkpoint;
/// while the decision's entry waits for the integrator (at most the merge delay), the log's signed promise.
/// </summary>
public static class GetDecisionProof
{
    public sealed record DecisionProof(Guid ApplicationId, long Sequence, string PayloadSha256, string Actor, long OccurredAtMs, InclusionProof Inclusion, Checkpoint Checkpoint);

    /// <summary>The entry is committed but not yet integrated: ask again after <paramref name="RetryAfterSeconds"/>.</summary>
    public sealed record PendingProof(Guid ApplicationId, LogPromise Promise, int RetryAfterSeconds);

    /// <summary>Either the proof, or (for a moment after the decision) the promise.</summary>
    public sealed record Answer(DecisionProof? Proof, PendingProof? Pending);

    public sealed record Query(Guid OwnerId, Guid ApplicationId) : IQuery<Result<Answer>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.ApplicationId).NotEmpty();
    }

    public sealed class Handler(LicensingDbContext db, TransparencyLog log, CheckpointSigner signer, TimeProvider time) : IQueryHandler<Query, Result<Answer>>
    {
        public async ValueTask<Result<Answer>> Handle(Query query, CancellationToken cancellationToken)
        {
            var entry = await db.TransparencyLog.AsNoTracking()
                .Where(e => e.SubjectId == query.ApplicationId && e.Type == LogEntryTypes.Decision)
                .Where(e => db.ApplicationsOf(query.OwnerId).Any(a => a.Id == query.ApplicationId))
                .FirstOrDefaultAsync(cancellationToken);
            if (entry is null)
            {
                return Error.NotFound(ErrorCodes.ApplicationNotFound, "The application was not found.");
            }

            if (entry.Sequence is not { } sequence)
            {
                return new Answer(null, new PendingProof(query.ApplicationId, signer.Promise(entry), 1));
            }

            var checkpoint = await Proofs.CheckpointAsync(db, log, signer, time, cancellationToken);
            var leaves = await log.LeafHashesAsync(checkpoint.TreeSize, cancellationToken);
            return new Answer(new DecisionProof(query.ApplicationId, sequence, entry.PayloadSha256, entry.Actor, entry.OccurredAtMs, Proofs.Inclusion(sequence, leaves), checkpoint), null);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/{id:guid}/proof", async Task<Results<Ok<DecisionProof>, Accepted<PendingProof>, ProblemHttpResult>> (Guid id, ClaimsPrincipal user, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
            {
                var result = await sender.Send(new Query(user.UserId(), id), cancellationToken);
                if (!result.Succeeded)
                {
                    return result.Error!.ToProblem();
                }

                if (result.Value.Pending is { } pending)
                {
                    http.Response.Headers.RetryAfter = pending.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                    return TypedResults.Accepted((string?)null, pending);
                }

                return TypedResults.Ok(result.Value.Proof!);
            })
            .WithName("GetDecisionProof")
            .WithSummary("The inclusion proof of your application's decision in the transparency log, with a signed checkpoint; 202 with the signed promise (and Retry-After) for the moment before the decision's entry is integrated.");
}
