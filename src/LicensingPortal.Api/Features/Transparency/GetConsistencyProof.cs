using LicensingPortal.Api.Infrastructure.Transparency;

namespace LicensingPortal.Api.Features.Transparency;

/// <summary>Proves the tree of size 'first' is a prefix of the tree of size 'second' (the current size by default).</summary>
public static class GetConsistencyProof
{
    public sealed record Query(long First, long? Second) : IQuery<Result<ConsistencyProof>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.First).GreaterThan(0).LessThanOrEqualTo(int.MaxValue);
            RuleFor(q => q.Second).GreaterThan(0).LessThanOrEqualTo(int.MaxValue).When(q => q.Second is not null);
        }
    }

    public sealed class Handler(TransparencyLog log) : IQueryHandler<Query, Result<ConsistencyProof>>
    {
        public async ValueTask<Result<ConsistencyProof>> Handle(Query query, CancellationToken cancellationToken)
        {
            var leaves = await log.LeafHashesAsync(query.Second, cancellationToken);
            if (query.First > leaves.Length || (query.Second is { } size && size != leaves.Length))
            {
                return Error.NotFound(ErrorCodes.NotFound, "The log has no tree of that size.");
            }

            return new ConsistencyProof(
                query.First,
                leaves.Length,
                Convert.ToHexStringLower(MerkleTree.Root(leaves[..(int)query.First])),
                Convert.ToHexStringLower(MerkleTree.Root(leaves)),
                MerkleTree.ConsistencyProof((int)query.First, leaves).Select(Convert.ToHexStringLower).ToList());
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/consistency", async Task<Results<Ok<ConsistencyProof>, ProblemHttpResult>> (long first, long? second, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(first, second), cancellationToken)).ToOk())
            .AllowAnonymous()
            .WithName("GetConsistencyProof")
            .WithSummary("Proves the tree of size 'first' is a prefix of the tree of size 'second' (the current size by default).");
}
