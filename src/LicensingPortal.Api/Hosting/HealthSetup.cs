using LicensingPortal.Api.Infrastructure.Rules;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LicensingPortal.Api.Hosting;

public static class HealthSetup
{
    private const string Ready = "ready";

    public static IServiceCollection AddLicensingHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddDbContextCheck<LicensingDbContext>("database", tags: [Ready])
            .AddCheck<RuleSetLoadedCheck>("rule-set", tags: [Ready])
            .AddCheck<JobStorageCheck>("job-storage", tags: [Ready]);
        return services;
    }

    public static void MapLicensingHealthChecks(this IEndpointRouteBuilder routes)
    {
        routes.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        routes.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains(Ready) }).AllowAnonymous();
    }

    /// <summary>
    /// A node that runs jobs (worker or all) is ready when its job storage answers and the outbox sweep is
    /// scheduled there; a web node only enqueues, and the database check covers the queue it writes to.
    /// </summary>
    private sealed class JobStorageCheck(ThisNode node, Hangfire.JobStorage storage) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            if (node.Role == NodeRole.Web)
            {
                return Task.FromResult(HealthCheckResult.Healthy("A web node runs no jobs."));
            }

            using var connection = storage.GetConnection();
            var sweep = connection.GetAllEntriesFromHash($"recurring-job:{Features.Notifications.SweepOutbox.RecurringJobId}");
            return Task.FromResult(sweep is { Count: > 0 }
                ? HealthCheckResult.Healthy("The job storage answers and the outbox sweep is scheduled.")
                : HealthCheckResult.Unhealthy("The outbox sweep is not scheduled."));
        }
    }

    private sealed class RuleSetLoadedCheck(RuleSetCatalog catalog, TimeProvider time) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var inForce = catalog.InForceOn(Wita.Today(time));
            return Task.FromResult(inForce is null
                ? HealthCheckResult.Unhealthy("No rule set is in force today.")
                : HealthCheckResult.Healthy($"{inForce.Id} ({inForce.Hash}) with {inForce.Requirements.Count} requirements"));
        }
    }
}
