using LicensingPortal.Api.Infrastructure.Transparency;

namespace LicensingPortal.Api.Features.Transparency;

/// <summary>The signed checkpoint of the transparency log, for anyone to fetch and keep.</summary>
public static class GetCheckpoint
{
    public sealed record Query : IQuery<Result<Checkpoint>>;

    public sealed class Handler(LicensingDbContext db, TransparencyLog log, CheckpointSigner signer, TimeProvider time) : IQueryHandler<Query, Result<Checkpoint>>
    {
        public async ValueTask<Result<Checkpoint>> Handle(Query query, CancellationToken cancellationToken) =>
            await Proofs.CheckpointAsync(db, log, signer, time, cancellationToken);
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/checkpoint", async Task<Results<Ok<Checkpoint>, ProblemHttpResult>> (ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(), cancellationToken)).ToOk())
            .AllowAnonymous()
            .WithName("GetCheckpoint")
            .WithSummary("The latest signed checkpoint of the transparency log (Ed25519): tree size, root hash and the time it was signed.");
}
