namespace LicensingPortal.Api.Features.Reports;

/// <summary>
/// The roll-up, every 250 ms on the elected instance (<see cref="Hosting.IntegrationLoop"/>): fold the decisions'
/// contributions into the report counters and delete them, in one unit of work, so each counts exactly once.
/// </summary>
public static class RollUpReportCounters
{
    /// <summary>The number of decisions folded in.</summary>
    public sealed record Command : ICommand<Result<int>>;

    public sealed class Handler(ReportCounters counters) : ICommandHandler<Command, Result<int>>
    {
        public async ValueTask<Result<int>> Handle(Command command, CancellationToken cancellationToken) =>
            await counters.RollUpAsync(cancellationToken);
    }
}
