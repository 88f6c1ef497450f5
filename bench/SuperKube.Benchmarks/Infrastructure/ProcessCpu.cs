using System.Globalization;

namespace SuperKube.Benchmarks.Infrastructure;

/// <summary>
/// CPU time a process has used (user + system), from <c>/proc/PID/stat</c> (Linux). Unlike wall-clock rates it is
/// barely affected by other load on the machine, so it is the figure to compare between code changes.
/// </summary>
internal static class ProcessCpu
{
    /// <summary>Clock ticks per second of /proc figures (USER_HZ), 100 on every mainstream Linux build.</summary>
    private const double TicksPerSecond = 100;

    /// <summary>utime + stime (fields 14 and 15).</summary>
    public static TimeSpan Used(int pid) => CpuTime(StatFields($"/proc/{pid}/stat"), 14);

    /// <summary>
    /// Minor page faults of the process (<c>minflt</c>, field 10 of <c>/proc/PID/stat</c>): pages the kernel had to map
    /// and zero on first touch, which is what a garbage collector returning and re-taking memory costs.
    /// </summary>
    public static long MinorFaults(int pid) => Field(StatFields($"/proc/{pid}/stat"), 10);

    /// <summary>
    /// CPU time (user + system) of this process's children that have exited and been waited for (<c>cutime</c> and
    /// <c>cstime</c> of <c>/proc/self/stat</c>, fields 16 and 17): the difference around one child's run is that child's CPU.
    /// </summary>
    public static TimeSpan ReapedChildren() => CpuTime(StatFields("/proc/self/stat"), 16);

    /// <summary>CPU time of a process that may have exited since it was listed (then zero).</summary>
    public static TimeSpan UsedOrZero(int pid)
    {
        try
        {
            return Used(pid);
        }
        catch (IOException)
        {
            return TimeSpan.Zero;
        }
    }

    /// <summary>The live processes whose parent is <paramref name="parent"/>, from <c>/proc/*/stat</c> (Linux).</summary>
    public static IEnumerable<int> Children(int parent)
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            string[] fields;
            try
            {
                fields = StatFields(Path.Combine(directory, "stat"));
            }
            catch (IOException)
            {
                continue;
            }

            if (Field(fields, 4) == parent)
            {
                yield return pid;
            }
        }
    }

    /// <summary>
    /// The fields of a <c>/proc/.../stat</c> file from field 3 (the state) on: the command name before it is in
    /// parentheses and may contain spaces.
    /// </summary>
    private static string[] StatFields(string path)
    {
        var stat = File.ReadAllText(path);
        return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    }

    /// <summary>Field <paramref name="number"/> (numbered from 1, as in proc(5)) of <see cref="StatFields"/>.</summary>
    private static long Field(string[] fields, int number) => long.Parse(fields[number - 3], CultureInfo.InvariantCulture);

    /// <summary>The clock ticks of field <paramref name="first"/> and the one after it, as time.</summary>
    private static TimeSpan CpuTime(string[] fields, int first) =>
        TimeSpan.FromSeconds((Field(fields, first) + Field(fields, first + 1)) / TicksPerSecond);

    /// <summary>
    /// Waits until the process used at most <paramref name="share"/> of one core over half a second (a freshly started
    /// server keeps the JIT busy tiering up what it ran, for seconds), or until <paramref name="limit"/> passed; returns
    /// how long it waited.
    /// </summary>
    public static async Task<TimeSpan> WaitIdleAsync(int pid, double share, TimeSpan limit, CancellationToken cancellationToken)
    {
        var window = TimeSpan.FromMilliseconds(500);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            var before = Used(pid);
            await Task.Delay(window, cancellationToken);
            if (Used(pid) - before <= window * share)
            {
                break;
            }
        }

        return clock.Elapsed;
    }

    /// <summary>
    /// Context switches (voluntary + involuntary) of the process's live threads, from <c>/proc/PID/task/*/status</c>
    /// (Linux). Threads that exited meanwhile are not counted, so over a run it is a lower bound.
    /// </summary>
    public static long ContextSwitches(int pid)
    {
        long total = 0;
        foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
        {
            try
            {
                foreach (var line in File.ReadLines(Path.Combine(task, "status")))
                {
                    if (line.StartsWith("voluntary_ctxt_switches:", StringComparison.Ordinal) ||
                        line.StartsWith("nonvoluntary_ctxt_switches:", StringComparison.Ordinal))
                    {
                        total += long.Parse(line[(line.IndexOf(':') + 1)..].Trim(), CultureInfo.InvariantCulture);
                    }
                }
            }
            catch (IOException)
            {
                // The thread exited while being read.
            }
        }

        return total;
    }

    /// <summary>The 1-minute load average, to warn when other work competes for the CPU.</summary>
    public static double LoadAverage() =>
        double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
}
