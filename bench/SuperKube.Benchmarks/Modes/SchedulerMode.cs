namespace SuperKube.Benchmarks.Modes;

/// <summary>
/// <c>scheduler|scheduler-cycle [basic|anti-affinity|spread|all] [--nodes N] [--pods N] [--parallelism N]</c>:
/// the scheduler_perf-style workloads, end to end through the API or the scheduling cycle alone.
/// </summary>
internal static class SchedulerMode
{
    public const string Help = "[basic|anti-affinity|spread|all] [--nodes N] [--pods N] [--parallelism N]";

    public static async Task<int> RunAsync(string mode, string[] args)
    {
        var workload = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "all";
        int Option(string name, int fallback) =>
            Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length
                ? int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture)
                : fallback;

        var settings = new SchedulerBenchmarkSettings(Option("--nodes", 5000), Option("--pods", 10000), Option("--parallelism", Environment.ProcessorCount));
        var workloads = workload == "all" ? SchedulerWorkload.All : [SchedulerWorkload.Named(workload)];
        Console.WriteLine($"scheduler benchmark: {settings.Nodes} nodes, {settings.Pods} pods, parallelism {settings.Parallelism}, {Environment.ProcessorCount} cores");
        foreach (var w in workloads)
        {
            Console.WriteLine(mode == "scheduler-cycle" ? CycleBenchmark.Run(w, settings) : await SchedulerBenchmark.RunAsync(w, settings));
        }

        return 0;
    }
}
