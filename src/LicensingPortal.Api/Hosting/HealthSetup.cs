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
            .AddCheck<RuleSetLoadedCheck>("rule-set", tags: [Ready]);
        return services;
    }

    public static void MapLicensingHealthChecks(this IEndpointRouteBuilder routes)
    {
        routes.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        routes.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains(Ready) }).AllowAnonymous();
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
