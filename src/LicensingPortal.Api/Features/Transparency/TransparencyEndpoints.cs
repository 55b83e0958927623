using System.Security.Claims;
using LicensingPortal.Api.Data;
using LicensingPortal.Api.Domain;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Errors;
using LicensingPortal.Api.Infrastructure.Transparency;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LicensingPortal.Api.Features.Transparency;

/// <summary>
/// The public face of the transparency log: a signed checkpoint (tree size, root, time) anyone can fetch and
/// keep, consistency proofs between two sizes, inclusion proofs of entries, an applicant's proof for their
/// own decision, and an Admin's full verification.
/// </summary>
public static class TransparencyEndpoints
{
    public sealed record Checkpoint(long TreeSize, string RootHash, DateTimeOffset Timestamp, string Body, string Signature, string PublicKey, string Algorithm);

    public sealed record InclusionProof(long Sequence, long TreeSize, string LeafHash, IReadOnlyList<string> Proof, string RootHash);

    public sealed record ConsistencyProof(long FirstSize, long SecondSize, string FirstRootHash, string SecondRootHash, IReadOnlyList<string> Proof);

    public sealed record DecisionProof(Guid ApplicationId, long Sequence, string PayloadSha256, string Actor, long OccurredAtMs, InclusionProof Inclusion, Checkpoint Checkpoint);

    public static void MapPublic(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/checkpoint", async (TransparencyLog log, CheckpointSigner signer, TimeProvider time, CancellationToken cancellationToken) =>
                TypedResults.Ok(await CheckpointAsync(log, signer, time, cancellationToken)))
            .AllowAnonymous()
            .WithName("GetCheckpoint")
            .WithSummary("The signed checkpoint of the transparency log (Ed25519): tree size, root hash and time.");

        routes.MapGet("/inclusion/{sequence:long}", async Task<Results<Ok<InclusionProof>, ProblemHttpResult>> (long sequence, long? treeSize, TransparencyLog log, CancellationToken cancellationToken) =>
            {
                var leaves = await log.LeafHashesAsync(treeSize, cancellationToken);
                return sequence < 0 || sequence >= leaves.Length
                    ? Error.NotFound(ErrorCodes.NotFound, "No such entry in a tree of that size.").ToProblem()
                    : TypedResults.Ok(Inclusion(sequence, leaves));
            })
            .AllowAnonymous()
            .WithName("GetInclusionProof")
            .WithSummary("The audit path proving an entry is in the tree of a given size (the current size by default).");

        routes.MapGet("/consistency", async Task<Results<Ok<ConsistencyProof>, ProblemHttpResult>> (long first, long? second, TransparencyLog log, CancellationToken cancellationToken) =>
            {
                var leaves = await log.LeafHashesAsync(second, cancellationToken);
                if (first <= 0 || first > leaves.Length || (second is { } size && size != leaves.Length))
                {
                    return Error.NotFound(ErrorCodes.NotFound, "The log has no tree of that size.").ToProblem();
                }

                return TypedResults.Ok(new ConsistencyProof(
                    first,
                    leaves.Length,
                    Convert.ToHexStringLower(MerkleTree.Root(leaves[..(int)first])),
                    Convert.ToHexStringLower(MerkleTree.Root(leaves)),
                    MerkleTree.ConsistencyProof((int)first, leaves).Select(Convert.ToHexStringLower).ToList()));
            })
            .AllowAnonymous()
            .WithName("GetConsistencyProof")
            .WithSummary("Proves the tree of size 'first' is a prefix of the tree of size 'second' (the current size by default).");
    }

    /// <summary>An applicant's proof that the decision on their application is in the log.</summary>
    public static void MapApplicantProof(IEndpointRouteBuilder routes) =>
        routes.MapGet("/{id:guid}/proof", async Task<Results<Ok<DecisionProof>, ProblemHttpResult>> (Guid id, ClaimsPrincipal user, LicensingDbContext db, TransparencyLog log, CheckpointSigner signer, TimeProvider time, CancellationToken cancellationToken) =>
            {
                var owner = user.UserId();
                var entry = await db.TransparencyLog.AsNoTracking()
                    .Where(e => e.SubjectId == id && e.Type == LogEntryTypes.Decision)
                    .Where(e => db.Applications.Any(a => a.Id == id && db.Businesses.Any(b => b.Id == a.BusinessId && b.OwnerId == owner)))
                    .FirstOrDefaultAsync(cancellationToken);
                if (entry is null)
                {
                    return Error.NotFound(ErrorCodes.ApplicationNotFound, "The application was not found.").ToProblem();
                }

                var checkpoint = await CheckpointAsync(log, signer, time, cancellationToken);
                var leaves = await log.LeafHashesAsync(checkpoint.TreeSize, cancellationToken);
                return TypedResults.Ok(new DecisionProof(id, entry.Sequence, entry.PayloadSha256, entry.Actor, entry.OccurredAtMs, Inclusion(entry.Sequence, leaves), checkpoint));
            })
            .WithName("GetDecisionProof")
            .WithSummary("The inclusion proof of your application's decision in the transparency log, with a signed checkpoint.");

    public static void MapAdmin(IEndpointRouteBuilder routes) =>
        routes.MapPost("/audit/verify", async (LogVerifier verifier, CancellationToken cancellationToken) => TypedResults.Ok(await verifier.VerifyAsync(cancellationToken)))
            .WithName("VerifyLog")
            .WithSummary("Recompute the log from its entries and the records they describe; names the first entry that does not match.");

    private static async Task<Checkpoint> CheckpointAsync(TransparencyLog log, CheckpointSigner signer, TimeProvider time, CancellationToken cancellationToken)
    {
        var leaves = await log.LeafHashesAsync(null, cancellationToken);
        var root = MerkleTree.Root(leaves);
        var now = DateTimeOffset.FromUnixTimeSeconds(time.GetUtcNow().ToUnixTimeSeconds());
        var body = CheckpointSigner.Body(leaves.Length, root, now);
        return new Checkpoint(leaves.Length, Convert.ToHexStringLower(root), now, body, Convert.ToBase64String(signer.Sign(body)), Convert.ToBase64String(signer.PublicKey), "Ed25519");
    }

    private static InclusionProof Inclusion(long sequence, byte[][] leaves) => new(
        sequence,
        leaves.Length,
        Convert.ToHexStringLower(leaves[sequence]),
        MerkleTree.InclusionProof((int)sequence, leaves).Select(Convert.ToHexStringLower).ToList(),
        Convert.ToHexStringLower(MerkleTree.Root(leaves)));
}
