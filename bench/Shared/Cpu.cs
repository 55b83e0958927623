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
    /// A backend that exits while the processes are read would be missed by the reading and then counted whole, its
    /// lifetime's CPU, in the server's reaped children by the next one, so a reading is taken again until the set of
    /// processes was the same before and after it and every one of them could be read.
    /// </summary>
    public static double OfPostgres()
    {
        for (var attempt = 1; ; attempt++)
        {
            var before = PostgresProcesses();
            var times = before.Select(pid => Read(pid, withReapedChildren: true)).ToList();
            if ((times.All(t => t is not null) && before.SequenceEqual(PostgresProcesses())) || attempt == 10)
            {
                return times.Sum(t => t ?? 0);
            }
        }
    }

    private static List<int> PostgresProcesses() => Directory.EnumerateDirectories("/proc")
        .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : -1)
        .Where(pid => pid > 0 && Comm(pid) == "postgres")
        .Order()
        .ToList();

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
