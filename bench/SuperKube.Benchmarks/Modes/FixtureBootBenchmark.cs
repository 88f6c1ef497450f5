using System.Diagnostics;
using System.Globalization;
using SuperKube.Benchmarks.Infrastructure;
using SuperKube.Testing;

namespace SuperKube.Benchmarks.Modes;

/// <summary>
/// Boot time of the test fixture: <c>SuperKubeCluster.StartAsync()</c> to a cluster that answers a list, repeated
/// (default 50 boots after 3 warm-ups, one at a time, each disposed before the next); reports p50/p99.
/// </summary>
internal static class FixtureBootBenchmark
{
    public const string Help = "[--boots N (default 50)]";

    private static readonly TimeSpan Target = TimeSpan.FromMilliseconds(300);

    public static async Task<int> RunAsync(string[] args)
    {
        var boots = args.Length == 2 && args[0] == "--boots" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50;
        for (var i = 0; i < 3; i++)
        {
            await BootAsync();
        }

        var times = new List<double>(boots);
        for (var i = 0; i < boots; i++)
        {
            times.Add(await BootAsync());
        }

        times.Sort();
        var table = new SummaryTable();
        var p50 = Percentile(times, 0.50);
        table.Add("fixture boot p50", $"{p50:0} ms", $"<= {Target.TotalMilliseconds:0} ms", p50 <= Target.TotalMilliseconds);
        table.Add("fixture boot p99", $"{Percentile(times, 0.99):0} ms");
        table.Add("fixture boot min / max", $"{times[0]:0} / {times[^1]:0} ms");
        table.Add("boots", boots.ToString(CultureInfo.InvariantCulture));
        Console.WriteLine(table.ToText());
        return 0;
    }

    /// <summary>One boot: start, list namespaces through the client (the cluster answers), then dispose outside the timing.</summary>
    private static async Task<double> BootAsync()
    {
        var clock = Stopwatch.StartNew();
        var cluster = await SuperKubeCluster.StartAsync();
        await cluster.Client.ListAsync(SuperKube.Client.ApiResource.Namespaces, null, null, CancellationToken.None);
        var elapsed = clock.Elapsed.TotalMilliseconds;
        await cluster.DisposeAsync();
        return elapsed;
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
