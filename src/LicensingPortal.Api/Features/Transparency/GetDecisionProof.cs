using System.Security.Claims;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Transparency;

namespace LicensingPortal.Api.Features.Transparency;

/// <summary>An applicant's proof that the decision on their own application is in the log, with a signed checkpoint.</summary>
public static class GetDecisionProof
{
    public sealed record DecisionProof(Guid ApplicationId, long Sequence, string PayloadSha256, string Actor, long OccurredAtMs, InclusionProof Inclusion, Checkpoint Checkpoint);

    public sealed record Query(Guid OwnerId, Guid ApplicationId) : IQuery<Result<DecisionProof>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.ApplicationId).NotEmpty();
    }

    public sealed class Handler(LicensingDbContext db, TransparencyLog log, CheckpointSigner signer, TimeProvider time) : IQueryHandler<Query, Result<DecisionProof>>
    {
        public async ValueTask<Result<DecisionProof>> Handle(Query query, CancellationToken cancellationToken)
        {
            var entry = await db.TransparencyLog.AsNoTracking()
                .Where(e => e.SubjectId == query.ApplicationId && e.Type == LogEntryTypes.Decision)
                .Where(e => db.ApplicationsOf(query.OwnerId).Any(a => a.Id == query.ApplicationId))
                .FirstOrDefaultAsync(cancellationToken);
            if (entry is null)
            {
                return Error.NotFound(ErrorCodes.ApplicationNotFound, "The application was not found.");
            }

            var checkpoint = await Proofs.CheckpointAsync(log, signer, time, cancellationToken);
            var leaves = await log.LeafHashesAsync(checkpoint.TreeSize, cancellationToken);
            return new DecisionProof(query.ApplicationId, entry.Sequence, entry.PayloadSha256, entry.Actor, entry.OccurredAtMs, Proofs.Inclusion(entry.Sequence, leaves), checkpoint);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/{id:guid}/proof", async Task<Results<Ok<DecisionProof>, ProblemHttpResult>> (Guid id, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(user.UserId(), id), cancellationToken)).ToOk())
            .WithName("GetDecisionProof")
            .WithSummary("The inclusion proof of your application's decision in the transparency log, with a signed checkpoint.");
}
