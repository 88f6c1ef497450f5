using System.Globalization;

namespace SuperKube.Benchmarks.Infrastructure;

/// <summary>Reads a process's resident set size from <c>/proc/PID/status</c> (Linux).</summary>
internal static class ProcessMemory
{
    /// <summary>VmRSS in MiB.</summary>
    public static double RssMiB(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kib = long.Parse(line["VmRSS:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
                return kib / 1024.0;
            }
        }

        throw new InvalidOperationException($"no VmRSS in /proc/{pid}/status");
    }
}
