using LicensingPortal.Api.Features.Reports;
using LicensingPortal.Api.Infrastructure;
using LicensingPortal.Api.Infrastructure.Rules;

namespace LicensingPortal.Api.Cli;

/// <summary>`reports rebuild`: recomputes the report counters from the stored applications and decisions.</summary>
public static class ReportsRebuildCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        await using var scope = services.CreateAsyncScope();
        var kbli = scope.ServiceProvider.GetRequiredService<RuleSetCatalog>().InForceOn(Wita.Today(TimeProvider.System))?.Definition.Kbli
            ?? throw new InvalidOperationException("No rule set is in force today.");
        await scope.ServiceProvider.GetRequiredService<ReportCounters>().RebuildAsync(kbli, CancellationToken.None);
        output.WriteLine("reports rebuild done");
        return 0;
    }
}
