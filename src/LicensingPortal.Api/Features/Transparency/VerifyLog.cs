using LicensingPortal.Api.Infrastructure.Transparency;

namespace LicensingPortal.Api.Features.Transparency;

/// <summary>Recomputes the log from its entries and from the records they describe; names the first entry that does not match.</summary>
public static class VerifyLog
{
    public sealed record Query : IQuery<Result<LogVerifier.Report>>;

    public sealed class Handler(LogVerifier verifier) : IQueryHandler<Query, Result<LogVerifier.Report>>
    {
        public async ValueTask<Result<LogVerifier.Report>> Handle(Query query, CancellationToken cancellationToken) =>
            await verifier.VerifyAsync(cancellationToken);
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/audit/verify", async Task<Results<Ok<LogVerifier.Report>, ProblemHttpResult>> (ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(), cancellationToken)).ToOk())
            .WithName("VerifyLog")
            .WithSummary("Recompute the log from its entries and the records they describe; names the first entry that does not match.");
}
