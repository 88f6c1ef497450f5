using SuperKube.Benchmarks;

// Usage: SuperKube.Benchmarks scheduler|scheduler-cycle [basic|anti-affinity|spread|all] [--nodes N] [--pods N] [--parallelism N]
if (args is not ["scheduler" or "scheduler-cycle", ..])
{
    Console.Error.WriteLine("usage: SuperKube.Benchmarks scheduler|scheduler-cycle [basic|anti-affinity|spread|all] [--nodes N] [--pods N] [--parallelism N]");
    return 2;
}

var workload = args.Length > 1 && !args[1].StartsWith("--", StringComparison.Ordinal) ? args[1] : "all";
int Option(string name, int fallback) =>
    Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;

var settings = new SchedulerBenchmarkSettings(Option("--nodes", 5000), Option("--pods", 10000), Option("--parallelism", Environment.ProcessorCount));
var workloads = workload == "all" ? SchedulerWorkload.All : [SchedulerWorkload.Named(workload)];
Console.WriteLine($"scheduler benchmark: {settings.Nodes} nodes, {settings.Pods} pods, parallelism {settings.Parallelism}, {Environment.ProcessorCount} cores");
foreach (var w in workloads)
{
    Console.WriteLine(args[0] == "scheduler-cycle" ? CycleBenchmark.Run(w, settings) : await SchedulerBenchmark.RunAsync(w, settings));
}

return 0;
