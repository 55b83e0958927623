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
        await output.WriteLineAsync(report.Valid
            ? $"audit verify passed: {report.TreeSize} entries, root {report.RootHash}"
            : $"audit verify FAILED at entry {report.FirstBadSequence}: {report.Problem}");
        return report.Valid ? 0 : 1;
    }
}
