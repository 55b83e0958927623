using LicensingPortal.Api.Features.Reports;

namespace LicensingPortal.Api.Cli;

/// <summary>`reports rebuild`: recomputes the report counters from the stored applications and decisions.</summary>
public static class ReportsRebuildCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        await using var scope = services.CreateAsyncScope();
        var counted = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new RebuildReports.Command());
        await output.WriteLineAsync($"reports rebuild done: {counted.Value} decisions counted");
        return 0;
    }
}
