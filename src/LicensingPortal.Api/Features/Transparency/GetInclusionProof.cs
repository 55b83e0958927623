using LicensingPortal.Api.Infrastructure.Transparency;

namespace LicensingPortal.Api.Features.Transparency;

/// <summary>The audit path proving an entry is in the tree of a given size (the current size by default).</summary>
public static class GetInclusionProof
{
    public sealed record Query(long Sequence, long? TreeSize) : IQuery<Result<InclusionProof>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Sequence).GreaterThanOrEqualTo(0);
            RuleFor(q => q.TreeSize).GreaterThan(0).LessThanOrEqualTo(int.MaxValue).When(q => q.TreeSize is not null);
        }
    }

    public sealed class Handler(TransparencyLog log) : IQueryHandler<Query, Result<InclusionProof>>
    {
        public async ValueTask<Result<InclusionProof>> Handle(Query query, CancellationToken cancellationToken)
        {
            var leaves = await log.LeafHashesAsync(query.TreeSize, cancellationToken);
            if (query.TreeSize is { } size && size != leaves.Length)
            {
                return Error.NotFound(ErrorCodes.NotFound, "The log has no tree of that size.");
            }

            return query.Sequence >= leaves.Length
                ? Error.NotFound(ErrorCodes.NotFound, "No such entry in a tree of that size.")
                : Proofs.Inclusion(query.Sequence, leaves);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/inclusion/{sequence:long}", async Task<Results<Ok<InclusionProof>, ProblemHttpResult>> (long sequence, long? treeSize, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(sequence, treeSize), cancellationToken)).ToOk())
            .AllowAnonymous()
            .WithName("GetInclusionProof")
            .WithSummary("The audit path proving an entry is in the tree of a given size (the current size by default).");
}
