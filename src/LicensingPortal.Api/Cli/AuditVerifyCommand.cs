using LicensingPortal.Api.Features.Transparency;

namespace LicensingPortal.Api.Cli;

/// <summary>`audit verify`: recomputes the transparency log against the database and exits non-zero on the first mismatch.</summary>
public static class AuditVerifyCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        await using var scope = services.CreateAsyncScope();
        var report = (await scope.ServiceProvider.GetRequiredService<ISender>().Send(new VerifyLog.Query())).Value;
        await output.WriteLineAsync(report switch
        {
            { Valid: true } => $"audit verify passed: {report.TreeSize} entries, root {report.RootHash}; {report.Pending} waiting for their place (within the merge delay)",
            { FirstBadSequence: { } bad } => $"audit verify FAILED at entry {bad}: {report.Problem}",
            _ => $"audit verify FAILED: {report.Problem}",
        });
        return report.Valid ? 0 : 1;
    }
}
