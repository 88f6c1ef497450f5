using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SuperKube.Benchmarks.Infrastructure;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SuperKube.Client;
using SuperKube.Controllers;
using SuperKube.Scheduling;
using SuperKube.Scheduling.Cache;

namespace SuperKube.Benchmarks;

/// <summary>
/// Runs one workload in-process on SQLite :memory:. The nodes and pods are created first (8 writers) while the
/// scheduler waits for leadership; then it starts and the run measures from its start to the last successful
/// bind: throughput in pods/s (the whole pipeline: watch, cycle, binding write, events) and the p50/p99 of the
/// scheduling attempt duration (attempt start to bound), plus the CPU time the process used per pod.
/// </summary>
internal static class SchedulerBenchmark
{
    private const int Writers = 8;

    public static async Task<SchedulerBenchmarkResult> RunAsync(SchedulerWorkload workload, SchedulerBenchmarkSettings settings)
    {
        var leadership = new GatedLeadership();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true }); // no recursive config watcher on the working directory
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<ILeaseManager>(leadership);
        builder.Services.AddSuperKube()
            .AddSqliteStorage(o => o.Path = ":memory:")
            .AddScheduler(o => o.Parallelism = settings.Parallelism)
            .AddSchedulerPlugin<BindRecorder>();
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var client = host.Services.GetRequiredService<IKubernetesClient>();
            var recorder = host.Services.GetRequiredService<BindRecorder>();
            await client.CreateAsync(ApiResource.Namespaces, null, new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = "bench" } }, default);
            await Workers.ForAsync(settings.Nodes, Writers, i => client.CreateAsync(ApiResource.Nodes, null, SchedulerWorkload.Node(i), default));
            await Workers.ForAsync(settings.Pods, Writers, i => client.CreateAsync(ApiResource.Pods, "bench", workload.Pod(i, "bench"), default));
            recorder.Expect(settings.Pods);
            GC.Collect();

            var gcBefore = GC.CollectionCount(2);
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var start = Stopwatch.GetTimestamp();
            leadership.Grant();
            var scheduler = await host.Services.GetRequiredService<SchedulerService>().Started;
            await recorder.AllBound.WaitAsync(TimeSpan.FromMinutes(10));
            var end = recorder.Bound.Values.Max(b => b.Bound);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;

            var latencies = recorder.Bound.Values.Select(b => Stopwatch.GetElapsedTime(b.Started, b.Bound).TotalMilliseconds).Order().ToArray();
            return new SchedulerBenchmarkResult(
                workload.Name,
                settings.Pods,
                Stopwatch.GetElapsedTime(start, end),
                Workers.Percentile(latencies, 0.50),
                Workers.Percentile(latencies, 0.99),
                GC.CollectionCount(2) - gcBefore,
                cpu,
                scheduler.CycleTime / Math.Max(1, scheduler.Attempts),
                scheduler.Attempts);
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
