using System.Globalization;

namespace LicensingPortal.Bench;

/// <summary>CPU time (user + system) from /proc, in milliseconds.</summary>
public static class Cpu
{
    private static readonly double TicksPerMs = 100 / 1000.0;

    public static double OfProcess(int pid) => Read(pid) ?? 0;

    /// <summary>This process with its children that have exited (a pgbench it ran, once it has ended).</summary>
    public static double OfThisProcessAndItsEndedChildren() => Read(Environment.ProcessId, withReapedChildren: true) ?? 0;

    /// <summary>
    /// Every process whose command is postgres (the server and its backends), with the CPU of backends that have
    /// exited (the server's reaped children): a backend that ends between two readings no longer takes its time with it.
    /// </summary>
    public static double OfPostgres() => Directory.EnumerateDirectories("/proc")
        .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : -1)
        .Where(pid => pid > 0)
        .Select(pid => (Pid: pid, Comm: Comm(pid)))
        .Where(p => p.Comm == "postgres")
        .Sum(p => Read(p.Pid, withReapedChildren: true) ?? 0);

    private static string? Comm(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").Trim();
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static double? Read(int pid, bool withReapedChildren = false)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            if (withReapedChildren)
            {
                ticks += long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
            }

            return ticks / TicksPerMs;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
