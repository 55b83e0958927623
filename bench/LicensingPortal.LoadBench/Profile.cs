using System.Diagnostics;
using System.Globalization;

/// <summary>
/// When LOADBENCH_TRACE names a folder, samples the API's managed stacks with dotnet-trace
/// (dotnet-sampled-thread-time, about 100 Hz) through the middle half of each level and prints the methods that were
/// on the stack longest, exclusive and inclusive (<c>dotnet-trace report topN</c>). dotnet-trace installs as a
/// dotnet tool (<c>dotnet tool install -g dotnet-trace</c>); without the variable nothing is traced.
/// </summary>
internal static class Profile
{
    public static async Task SampleAsync(string label, int pid, int level, TimeSpan run)
    {
        if (Environment.GetEnvironmentVariable("LOADBENCH_TRACE") is not { Length: > 0 } folder)
        {
            return;
        }

        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{string.Concat(label.Where(char.IsLetterOrDigit))}-{level}.nettrace");
        await Task.Delay(run / 4);
        var duration = run / 2;
        await ToolAsync("collect", "-p", pid.ToString(CultureInfo.InvariantCulture), "--profile", "dotnet-sampled-thread-time", "--duration", duration.ToString(@"dd\:hh\:mm\:ss", CultureInfo.InvariantCulture), "-o", file);
        foreach (var inclusive in new[] { false, true })
        {
            var kind = inclusive ? "inclusive" : "exclusive";
            var report = inclusive ? await ToolAsync("report", file, "topN", "-n", "25", "--inclusive") : await ToolAsync("report", file, "topN", "-n", "25");
            Console.WriteLine($"{label}, {level} connections, top methods by {kind} samples ({file}):");
            Console.WriteLine(report);
        }
    }

    private static async Task<string> ToolAsync(params string[] arguments)
    {
        var installed = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools", "dotnet-trace");
        var start = new ProcessStartInfo(File.Exists(installed) ? installed : "dotnet-trace") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (await output) + (await error);
    }
}
