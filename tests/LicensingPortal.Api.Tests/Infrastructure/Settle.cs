using LicensingPortal.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LicensingPortal.Api.Tests.Infrastructure;

/// <summary>Waits for the elected integrator's background work (it runs every 250 ms): no fixed sleeps.</summary>
public static class Settle
{
    /// <summary>Until every committed transparency-log entry has its place in the log.</summary>
    public static Task LogIntegratedAsync(IServiceProvider services) =>
        Eventually.TrueAsync(
            async () =>
            {
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
                return !await db.TransparencyLog.AnyAsync(e => e.Sequence == null);
            },
            "every log entry is integrated");

    /// <summary>Until every decision's contribution is folded into the report counters.</summary>
    public static Task CountersRolledUpAsync(IServiceProvider services) =>
        Eventually.TrueAsync(
            async () =>
            {
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
                return !await db.DecisionContributions.AnyAsync() && !await db.RequirementFailureContributions.AnyAsync();
            },
            "every counter contribution is rolled up");
}
