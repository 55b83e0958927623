using System.Diagnostics;

namespace LicensingPortal.Api.Tests.Infrastructure;

/// <summary>Runs the built API executable as its own process, as an operator would, and collects what it prints.</summary>
public static class ApiProcess
{
    public static async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = TestPaths.RepositoryRoot };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "LicensingPortal.Api.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var (exitCode, output, error) = await ExternalProcess.RunAsync(start, TimeSpan.FromMinutes(1));
        return (exitCode, output + error);
    }
}
