using LicensingPortal.Api.Features.Reports;
using LicensingPortal.Api.Features.Transparency;
using LicensingPortal.Api.Infrastructure.Jobs;
using LicensingPortal.Api.Infrastructure.Transparency;
using Microsoft.Extensions.Options;

namespace LicensingPortal.Api.Hosting;

/// <summary>
/// On the elected instance only: every <see cref="TransparencyOptions.IntegrateEveryMs"/> (at once again after a
/// full batch) integrates the transparency log's waiting entries and rolls up the report counters, each step a
/// command in its own unit of work. Other instances check every second whether the leader is gone.
/// </summary>
public sealed partial class IntegrationLoop(IServiceScopeFactory scopes, LeaderElection election, IOptions<TransparencyOptions> options, ILogger<IntegrationLoop> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Integrate)
        {
            return;
        }

        await Task.Yield();
        var every = TimeSpan.FromMilliseconds(options.Value.IntegrateEveryMs);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await election.TryLeadAsync(stoppingToken))
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
                    continue;
                }

                var full = await RunOnceAsync(stoppingToken);
                if (!full)
                {
                    await Task.Delay(every, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                // The database is away or the batch failed: nothing of the batch was kept; try again shortly.
                LogFailed(logger, exception);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }

        await election.StandDownAsync();
    }

    /// <summary>One round; true when a batch was full (there is more to do at once).</summary>
    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        var integrated = (await sender.Send(new IntegrateLog.Command(), cancellationToken)).Value;
        var rolledUp = (await sender.Send(new RollUpReportCounters.Command(), cancellationToken)).Value;
        return integrated >= options.Value.IntegrateBatch || rolledUp >= ReportCounters.RollUpBatch;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Integrating the transparency log or rolling up the report counters failed; trying again in a second.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
