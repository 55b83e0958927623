using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

/// <summary>
/// When LOADBENCH_TRACE names a folder, samples the API's managed stacks with dotnet-trace
/// (dotnet-sampled-thread-time, about 100 Hz) through the middle half of each level, converts the trace to speedscope
/// and prints where the managed CPU time went (<see cref="CpuReport"/>); the .nettrace stays for PerfView or
/// <c>dotnet-trace report</c>. dotnet-trace installs as a
/// dotnet tool (<c>dotnet tool install -g dotnet-trace</c>); without the variable nothing is traced.
/// </summary>
internal static class Profile
{
    public static async Task SampleAsync(string label, int pid, int level, TimeSpan run)
    {
        if (Environment.GetEnvironmentVariable("LOADBENCH_PERF") is { Length: > 0 } perfFolder)
        {
            await PerfAsync(perfFolder, label, pid, level, run);
            return;
        }

        if (Environment.GetEnvironmentVariable("LOADBENCH_TRACE") is not { Length: > 0 } folder)
        {
            return;
        }

        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{string.Concat(label.Where(char.IsLetterOrDigit))}-{level}.nettrace");
        await Task.Delay(run / 4);
        var duration = run / 2;
        await ToolAsync("collect", "-p", pid.ToString(CultureInfo.InvariantCulture), "--profile", "dotnet-sampled-thread-time", "--duration", duration.ToString(@"dd\:hh\:mm\:ss", CultureInfo.InvariantCulture), "-o", file);
        await ToolAsync("convert", "--format", "Speedscope", file);
        var speedscope = Path.ChangeExtension(file, ".speedscope.json");
        if (File.Exists(speedscope))
        {
            Console.WriteLine(CpuReport($"{label}, {level} connections", speedscope));
        }
    }

    /// <summary>
    /// The samples in which a thread ran managed code (the converter's CPU_TIME frame on top): where that time was
    /// spent (the method under CPU_TIME, "exclusive") and which of our and our libraries' methods it was spent
    /// under ("inclusive"), as shares of all such samples. Waiting threads are left out, unlike dotnet-trace's topN.
    /// </summary>
    public static string CpuReport(string title, string speedscopeFile)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(speedscopeFile));
        var frames = document.RootElement.GetProperty("shared").GetProperty("frames").EnumerateArray().Select(f => f.GetProperty("name").GetString() ?? "?").ToArray();
        var exclusive = new Dictionary<string, double>();
        var inclusive = new Dictionary<string, double>();
        var total = 0.0;
        foreach (var profile in document.RootElement.GetProperty("profiles").EnumerateArray())
        {
            var stack = new List<int>();
            var last = profile.GetProperty("startValue").GetDouble();
            foreach (var e in profile.GetProperty("events").EnumerateArray())
            {
                var at = e.GetProperty("at").GetDouble();
                var span = at - last;
                last = at;
                if (span > 0 && stack.Count > 1 && frames[stack[^1]] == "CPU_TIME")
                {
                    total += span;
                    Add(exclusive, Short(frames[stack[^2]]), span);
                    foreach (var name in stack.Select(f => frames[f]).Where(Ours).Select(Short).Distinct())
                    {
                        Add(inclusive, name, span);
                    }
                }

                if (e.GetProperty("type").GetString() == "O")
                {
                    stack.Add(e.GetProperty("frame").GetInt32());
                }
                else if (stack.Count > 0)
                {
                    stack.RemoveAt(stack.Count - 1);
                }
            }
        }

        var report = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{title}: {total / 1000:F1} s of managed CPU samples\n  where it was spent (exclusive):\n");
        foreach (var (name, span) in exclusive.OrderByDescending(p => p.Value).Take(15))
        {
            report.Append(CultureInfo.InvariantCulture, $"    {100 * span / total,5:F1} %  {name}\n");
        }

        report.Append("  under which of our and our libraries' methods (inclusive):\n");
        foreach (var (name, span) in inclusive.OrderByDescending(p => p.Value).Take(30))
        {
            report.Append(CultureInfo.InvariantCulture, $"    {100 * span / total,5:F1} %  {name}\n");
        }

        return report.ToString();

        static void Add(Dictionary<string, double> into, string name, double span) =>
            into[name] = into.GetValueOrDefault(name) + span;

        static bool Ours(string frame) =>
            !frame.Contains("MethodBuilder", StringComparison.Ordinal) && !frame.Contains("StateMachineBox", StringComparison.Ordinal)
            && (frame.Contains("!LicensingPortal.", StringComparison.Ordinal) || frame.Contains("!Microsoft.EntityFrameworkCore.", StringComparison.Ordinal)
                || frame.Contains("!Npgsql.", StringComparison.Ordinal) || frame.Contains("!Hangfire.", StringComparison.Ordinal)
                || frame.Contains("!MailKit.", StringComparison.Ordinal) || frame.Contains("!MimeKit.", StringComparison.Ordinal)
                || frame.Contains("!System.Text.Json.", StringComparison.Ordinal) || frame.Contains("!Microsoft.AspNetCore.", StringComparison.Ordinal)
                || frame.Contains("PollGC", StringComparison.Ordinal));

        // "Module!Namespace.Type+<Method>d__5.MoveNext(args)" → "Type+<Method>d__5.MoveNext"
        static string Short(string frame)
        {
            var name = frame[(frame.IndexOf('!', StringComparison.Ordinal) + 1)..];
            var open = name.IndexOf('(', StringComparison.Ordinal);
            name = open > 0 ? name[..open] : name;
            var generic = name.IndexOf('[', StringComparison.Ordinal);
            var closed = name.LastIndexOf(']');
            name = generic > 0 && closed > generic ? name[..generic] + name[(closed + 1)..] : name;
            var parts = name.Split('.');
            return parts.Length > 2 ? string.Join('.', parts[^3..]) : name;
        }
    }

    /// <summary>
    /// When LOADBENCH_PERF names a folder, Linux perf samples the API's CPU (kernel, runtime and JIT-compiled code, at
    /// 999 Hz) through the middle half of each level; read with <c>perf report -i FILE --no-children --sort dso,sym</c>.
    /// The API then needs DOTNET_PerfMapEnabled=1 and DOTNET_EnableWriteXorExecute=0 (set in the benchmark's shell;
    /// the API inherits them) for perf to name the JIT-compiled methods.
    /// </summary>
    private static async Task PerfAsync(string folder, string label, int pid, int level, TimeSpan run)
    {
        Directory.CreateDirectory(folder);
        // A level runs two rounds of each kind: the file is named for the round's start, so the second keeps the first.
        var file = Path.Combine(folder, $"{string.Concat(label.Where(char.IsLetterOrDigit))}-{level}-{DateTime.UtcNow:HHmmss}.perf");
        await Task.Delay(run / 4);
        var output = await RunAsync("perf", "record", "-e", "cpu-clock", "-F", "999", "-g", "-p", pid.ToString(CultureInfo.InvariantCulture), "-o", file, "--", "sleep", (run / 2).TotalSeconds.ToString(CultureInfo.InvariantCulture));
        Console.WriteLine($"  perf: {file} ({output.Trim().Split('\n')[^1]})");
    }

    private static Task<string> ToolAsync(params string[] arguments)
    {
        var installed = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools", "dotnet-trace");
        return RunAsync(File.Exists(installed) ? installed : "dotnet-trace", arguments);
    }

    /// <summary>Runs a tool to its end: what it wrote to its output, then to its error stream.</summary>
    private static async Task<string> RunAsync(string executable, params string[] arguments)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true };
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
