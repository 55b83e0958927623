using System.Text;
using LicensingPortal.Api.Infrastructure.Transparency;

namespace LicensingPortal.Api.Features.Transparency;

/// <summary>The log's Ed25519 public key at a stable address, as PEM, for anyone to keep and check checkpoints with.</summary>
public static class GetLogPublicKey
{
    public sealed record Query : IQuery<Result<FileDownload>>;

    public sealed class Handler(CheckpointSigner signer) : IQueryHandler<Query, Result<FileDownload>>
    {
        public ValueTask<Result<FileDownload>> Handle(Query query, CancellationToken cancellationToken) =>
            ValueTask.FromResult<Result<FileDownload>>(new FileDownload(Encoding.ASCII.GetBytes(signer.PublicKeyPem), "application/x-pem-file", "licensingportal-log-key.pem"));
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/public-key.pem", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(), cancellationToken)).ToFile())
            .AllowAnonymous()
            .WithName("GetLogPublicKey")
            .WithSummary("The transparency log's Ed25519 public key (PEM, SubjectPublicKeyInfo) that signs every checkpoint.");
}
