using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SuperKube.Client;
using SuperKube.Model.Core;
using SuperKube.Scheduling;
using SuperKube.Scheduling.Cache;
using SuperKube.Scheduling.Framework;
using SuperKube.Scheduling.Queue;

namespace SuperKube.Benchmarks;

/// <summary>
/// The scheduling cycle alone, without the API: the default profile places the workload's pods on an in-memory
/// cache of nodes, assuming each placement. Reports CPU time per pod (one thread), which the loop's share of the
/// end-to-end figure cannot exceed.
/// </summary>
internal static class CycleBenchmark
{
    public static string Run(SchedulerWorkload workload, SchedulerBenchmarkSettings settings)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSuperKube().AddSqliteStorage(o => o.Path = ":memory:").AddScheduler(o => o.Parallelism = settings.Parallelism);
        var provider = services.BuildServiceProvider(); // not disposed: nothing was started
        var cache = provider.GetRequiredService<SchedulerCache>();
        var profiles = provider.GetRequiredService<SchedulerProfiles>().Build(new SchedulerOptions { Parallelism = settings.Parallelism });
        var framework = profiles[SchedulerOptions.DefaultSchedulerName];
        for (var i = 0; i < settings.Nodes; i++)
        {
            cache.SetNode(KubernetesClientExtensions.FromJson<Node>(SchedulerWorkload.Node(i)));
        }

        var pods = Enumerable.Range(0, settings.Pods).Select(i =>
        {
            var json = workload.Pod(i, "bench");
            json["metadata"]!["uid"] = $"uid-{i}";
            return new PodInfo(KubernetesClientExtensions.FromJson<Pod>(json));
        }).ToList();
        var algorithm = new SchedulingAlgorithm(0);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var failed = 0;
        foreach (var pod in pods)
        {
            var state = new CycleState(cache) { Framework = framework };
            var result = algorithm.Schedule(framework, state, pod);
            if (result.NodeName is { } node)
            {
                cache.AssumePod(pod.AssignedTo(node));
            }
            else
            {
                failed++;
            }
        }

        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        return $"{workload.Name,-26} cycle only: {clock.Elapsed.TotalMilliseconds / pods.Count:F3} ms/pod wall, {used.TotalMilliseconds / pods.Count:F3} ms/pod CPU, {failed} unschedulable";
    }
}
