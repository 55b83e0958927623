using LicensingPortal.Api.Infrastructure.Transparency;

namespace LicensingPortal.Api.Features.Transparency;

/// <summary>
/// The integrator's step, every 250 ms on the elected instance (<see cref="Hosting.IntegrationLoop"/>): give the
/// committed entries waiting for a place their sequence numbers and sign the new checkpoint, in one unit of work.
/// </summary>
public static class IntegrateLog
{
    /// <summary>The number of entries integrated.</summary>
    public sealed record Command : ICommand<Result<int>>;

    public sealed class Handler(LogIntegrator integrator) : ICommandHandler<Command, Result<int>>
    {
        public async ValueTask<Result<int>> Handle(Command command, CancellationToken cancellationToken) =>
            await integrator.IntegrateAsync(cancellationToken);
    }
}
