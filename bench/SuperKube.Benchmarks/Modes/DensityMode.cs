using SuperKube.Benchmarks.Density;

namespace SuperKube.Benchmarks.Modes;

/// <summary><c>density [--nodes N] [--deployments N] [--replicas N] [--rss-at-pods N] [--markdown FILE]</c>.</summary>
internal static class DensityMode
{
    public const string Help = DensitySettings.Help + " [--markdown FILE]";

    public static async Task<int> RunAsync(string[] args)
    {
        var settings = DensitySettings.Parse(args);
        Console.WriteLine($"density benchmark: {settings.Nodes} Fake nodes, {settings.Deployments} Deployments x {settings.Replicas} replicas, {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        var table = await DensityBenchmark.RunAsync(settings);
        Console.Write(table.ToText());
        if (Array.IndexOf(args, "--markdown") is var i and >= 0 && i + 1 < args.Length)
        {
            await File.WriteAllTextAsync(args[i + 1], table.ToMarkdown());
        }

        return table.AllMet ? 0 : 1;
    }
}
