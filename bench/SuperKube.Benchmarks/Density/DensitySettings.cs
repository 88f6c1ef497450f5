namespace SuperKube.Benchmarks.Density;

/// <summary>
/// One density run: <see cref="Nodes"/> simulated nodes and <see cref="Deployments"/> Deployments of
/// <see cref="Replicas"/> pods each; the process's RSS is sampled when <see cref="RssAtPods"/> pods are Running.
/// Then <see cref="LatencyPods"/> more pods are created one by one at <see cref="LatencyPodsPerSecond"/>. Before the
/// measured run, rounds of <see cref="WarmupDeployments"/> Deployments of the same size are run to Running and deleted
/// until the JIT has settled, as in a long-running server (0: no warm-up). With <see cref="HoldSeconds"/> the cluster is
/// kept up that long after the measurements, for a heap or profile snapshot of the process.
/// </summary>
internal sealed record DensitySettings(int Nodes, int Deployments, int Replicas, int RssAtPods, int LatencyPods, int LatencyPodsPerSecond, int WarmupDeployments, int HoldSeconds)
{
    public const string Help =
        "[--nodes 1000] [--deployments 300] [--replicas 100] [--rss-at-pods 10000] [--latency-pods 100] [--latency-rate 10] [--warmup-deployments 10] [--hold-seconds 0]";

    public int Pods => Deployments * Replicas;

    public static DensitySettings Parse(string[] args)
    {
        int Option(string name, int fallback) =>
            Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length
                ? int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture)
                : fallback;

        return new DensitySettings(Option("--nodes", 1000), Option("--deployments", 300), Option("--replicas", 100), Option("--rss-at-pods", 10000),
            Option("--latency-pods", 100), Option("--latency-rate", 10), Option("--warmup-deployments", 10), Option("--hold-seconds", 0));
    }
}
