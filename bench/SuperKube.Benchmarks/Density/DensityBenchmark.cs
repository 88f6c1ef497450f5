using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SuperKube.Benchmarks.Infrastructure;
using SuperKube.Client;
using SuperKube.Runtime;

namespace SuperKube.Benchmarks.Density;

/// <summary>
/// The density run, in this process as an embedding application would host it: SQLite in a temp file, the built-in
/// controllers, the scheduler and <see cref="DensitySettings.Nodes"/> Fake nodes. Once every node is registered,
/// the Deployments are created (8 writers) and the run measures until every pod is Running: pods/s end to end
/// (ReplicaSet → pod create → schedule → bind → node agent → status Running), pod startup latency, each
/// Deployment's create-to-Available latency, and RSS when <see cref="DensitySettings.RssAtPods"/> pods run.
/// </summary>
internal static class DensityBenchmark
{
    private const string Namespace = "density";
    private const string LatencyNamespace = "density-latency";
    private const string WarmupNamespace = "density-warmup";
    private const int MaxWarmupRounds = 5;
    private const int SettledJitMethods = 500;
    private const int Writers = 8;
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(15);

    public static async Task<SummaryTable> RunAsync(DensitySettings settings)
    {
        var dataDir = Directory.CreateTempSubdirectory("superkube-density-");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true }); // no recursive config watcher on the working directory
        builder.Logging.ClearProviders();
        builder.Services.AddSuperKube()
            .AddSqliteStorage(o => o.Path = Path.Combine(dataDir.FullName, "superkube.db"))
            .AddBuiltInControllers()
            .AddScheduler()
            .AddFakeNodes(settings.Nodes);
        using var host = builder.Build();
        using var timeout = new CancellationTokenSource(Limit);
        await host.StartAsync(timeout.Token);
        try
        {
            var client = host.Services.GetRequiredService<IKubernetesClient>();
            await WaitForNodesAsync(client, settings.Nodes, timeout.Token);
            await WarmUpAsync(client, settings, timeout.Token);
            await client.CreateAsync(ApiResource.Namespaces, null, PodStartupTracker.Namespace(Namespace), timeout.Token);
            await client.CreateAsync(ApiResource.Namespaces, null, PodStartupTracker.Namespace(LatencyNamespace), timeout.Token);
            var table = await MeasureSaturationAsync(client, settings, timeout.Token);
            await MeasureLatencyAsync(client, settings, table, timeout.Token);
            if (settings.HoldSeconds > 0)
            {
                Console.WriteLine($"Holding the cluster for {settings.HoldSeconds} s (process {Environment.ProcessId}) for inspection");
                await Task.Delay(TimeSpan.FromSeconds(settings.HoldSeconds), timeout.Token);
            }

            return table;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
            dataDir.Delete(recursive: true);
        }
    }

    private static async Task<SummaryTable> MeasureSaturationAsync(IKubernetesClient client, DensitySettings settings, CancellationToken cancellationToken)
    {
        double? rssAtThreshold = null;
        var pods = new PodStartupTracker(settings.Pods, running =>
        {
            if (running == settings.RssAtPods)
            {
                rssAtThreshold = ProcessMemory.RssMiB(Environment.ProcessId);
            }
        });
        var deployments = new DeploymentAvailabilityTracker(settings.Deployments);
        using var stopWatches = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var podList = await client.ListAsync(ApiResource.Pods, Namespace, null, cancellationToken);
        var deploymentList = await client.ListAsync(ApiResource.Deployments, Namespace, null, cancellationToken);
        var watches = Task.WhenAll(
            Task.Run(() => pods.RunAsync(client, Namespace, podList.ResourceVersion, stopWatches.Token), CancellationToken.None),
            Task.Run(() => deployments.RunAsync(client, Namespace, deploymentList.ResourceVersion, stopWatches.Token), CancellationToken.None));

        GC.Collect();
        var gcBefore = GcActivity.Now();
        var jitBefore = JitActivity.Now();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var start = Stopwatch.GetTimestamp();
        await Workers.ForAsync(settings.Deployments, Writers, async i =>
        {
            var name = $"d{i}";
            deployments.Sent(name);
            await client.CreateAsync(ApiResource.Deployments, Namespace, Deployment(name, settings.Replicas), cancellationToken);
        });
        var created = Stopwatch.GetElapsedTime(start);
        var revisionBefore = long.Parse(podList.ResourceVersion, CultureInfo.InvariantCulture);
        await Task.WhenAll(pods.AllRunning, deployments.AllAvailable).WaitAsync(cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(start, pods.LastRunning);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var gc = GcActivity.Now() - gcBefore;
        var jit = JitActivity.Now() - jitBefore;
        var rssEnd = ProcessMemory.RssMiB(Environment.ProcessId);
        var revisionAfter = long.Parse((await client.ListAsync(ApiResource.Namespaces, null, null, cancellationToken)).ResourceVersion, CultureInfo.InvariantCulture);
        var events = (await client.ListAsync(ApiResource.Events, Namespace, null, cancellationToken)).Items.Count;
        await stopWatches.CancelAsync();
        await watches.ContinueWith(_ => { }, TaskScheduler.Default);

        var startup = pods.Latencies();
        var available = deployments.Latencies();
        var podsPerSecond = settings.Pods / elapsed.TotalSeconds;
        var boundPerSecond = settings.Pods / Stopwatch.GetElapsedTime(start, pods.LastBound).TotalSeconds;
        var table = new SummaryTable();
        table.Add("Garbage collector (DOTNET_gcServer=1 for server)", System.Runtime.GCSettings.IsServerGC ? "server" : "workstation");
        table.Add("Nodes / Deployments x replicas", $"{settings.Nodes} / {settings.Deployments} x {settings.Replicas} = {settings.Pods} pods");
        table.Add("Deployments created (API)", $"{created.TotalSeconds:F2} s");
        table.Add("All pods Running", $"{elapsed.TotalSeconds:F1} s");
        table.Add("Pods/s created and bound (last pod seen bound)", $"{boundPerSecond:F0}/s", ">= 1000/s (#4)", boundPerSecond >= 1000);
        table.Add("Pods/s end to end (created, bound, Running)", $"{podsPerSecond:F0}/s", ">= 1000/s (#6)", podsPerSecond >= 1000);
        table.Add("Saturation: pod startup p50 / p99 / max (creation -> Running, watch)", $"{Ms(Workers.Percentile(startup, 0.50))} / {Ms(Workers.Percentile(startup, 0.99))} / {Ms(startup[^1])}");
        table.Add("Deployment create -> Available p50 / p99 / max", $"{Ms(Workers.Percentile(available, 0.50))} / {Ms(Workers.Percentile(available, 0.99))} / {Ms(available[^1])}");
        table.Add("Writes per pod (revisions / pods; Events per pod)", $"{(revisionAfter - revisionBefore) / (double)settings.Pods:F1}; {events / (double)settings.Pods:F1}");
        table.Add("Process CPU per pod (user + system)", $"{cpu.TotalMilliseconds / settings.Pods:F2} ms");
        table.Add("JIT during the run (methods compiled, wall time compiling)", jit.ToString());
        table.Add("GC: collections gen0 / gen1 / gen2, pause time, allocated per pod", gc.Describe(elapsed, settings.Pods));
        if (rssAtThreshold is { } rss)
        {
            table.Add($"RSS at {settings.Nodes} nodes + {settings.RssAtPods} pods Running", $"{rss:F0} MiB", "<= 560 MiB", rss <= 560);
        }

        table.Add($"RSS at the end ({settings.Pods} pods)", $"{rssEnd:F0} MiB");
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        table.Add("After a full GC: managed heap / GC committed / RSS",
            $"{GC.GetTotalMemory(false) / 1048576.0:F0} / {GC.GetGCMemoryInfo().TotalCommittedBytes / 1048576.0:F0} / {ProcessMemory.RssMiB(Environment.ProcessId):F0} MiB");
        return table;
    }

    /// <summary>
    /// The latency phase, as Kubernetes' density test runs it: with the saturation pods running, single-replica
    /// Deployments are created at a steady <see cref="DensitySettings.LatencyPodsPerSecond"/>, and each pod's
    /// creation-to-Running time is the startup latency the SLO speaks of (not a queue behind thousands of pods).
    /// </summary>
    private static async Task MeasureLatencyAsync(IKubernetesClient client, DensitySettings settings, SummaryTable table, CancellationToken cancellationToken)
    {
        var pods = new PodStartupTracker(settings.LatencyPods, _ => { });
        using var stopWatch = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var list = await client.ListAsync(ApiResource.Pods, LatencyNamespace, null, cancellationToken);
        var watch = Task.Run(() => pods.RunAsync(client, LatencyNamespace, list.ResourceVersion, stopWatch.Token), CancellationToken.None);
        using var pace = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / settings.LatencyPodsPerSecond));
        for (var i = 0; i < settings.LatencyPods; i++)
        {
            await client.CreateAsync(ApiResource.Deployments, LatencyNamespace, Deployment($"l{i}", 1), cancellationToken);
            await pace.WaitForNextTickAsync(cancellationToken);
        }

        await pods.AllRunning.WaitAsync(cancellationToken);
        await stopWatch.CancelAsync();
        await watch.ContinueWith(_ => { }, TaskScheduler.Default);
        var startup = pods.Latencies();
        table.Add($"Latency phase: {settings.LatencyPods} pods at {settings.LatencyPodsPerSecond}/s, startup p50", Ms(Workers.Percentile(startup, 0.50)));
        table.Add("Latency phase: pod startup p99", Ms(Workers.Percentile(startup, 0.99)), "<= 1 s", Workers.Percentile(startup, 0.99) <= 1000);
    }

    /// <summary>
    /// Warm-up rounds: each runs <see cref="DensitySettings.WarmupDeployments"/> Deployments to Running in their own
    /// namespace, then deletes the namespace and waits until it is gone. Rounds repeat (at most
    /// <see cref="MaxWarmupRounds"/>) until the JIT compiled fewer than <see cref="SettledJitMethods"/> methods in a
    /// round, so the measured run sees the code a long-running server runs, not tiered compilation in progress.
    /// </summary>
    private static async Task WarmUpAsync(IKubernetesClient client, DensitySettings settings, CancellationToken cancellationToken)
    {
        for (var round = 1; settings.WarmupDeployments > 0 && round <= MaxWarmupRounds; round++)
        {
            var started = Stopwatch.GetTimestamp();
            var jitBefore = JitActivity.Now();
            await WarmUpRoundAsync(client, settings, cancellationToken);
            var jit = JitActivity.Now() - jitBefore;
            Console.WriteLine($"Warm-up round {round}: {settings.WarmupDeployments * settings.Replicas} pods run and deleted in " +
                              $"{Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s; JIT compiled {jit}");
            if (jit.Methods < SettledJitMethods)
            {
                return;
            }
        }
    }

    private static async Task WarmUpRoundAsync(IKubernetesClient client, DensitySettings settings, CancellationToken cancellationToken)
    {
        await client.CreateAsync(ApiResource.Namespaces, null, PodStartupTracker.Namespace(WarmupNamespace), cancellationToken);
        var pods = new PodStartupTracker(settings.WarmupDeployments * settings.Replicas, _ => { });
        using var stopWatch = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var list = await client.ListAsync(ApiResource.Pods, WarmupNamespace, null, cancellationToken);
        var watch = Task.Run(() => pods.RunAsync(client, WarmupNamespace, list.ResourceVersion, stopWatch.Token), CancellationToken.None);
        await Workers.ForAsync(settings.WarmupDeployments, Writers,
            i => client.CreateAsync(ApiResource.Deployments, WarmupNamespace, Deployment($"w{i}", settings.Replicas), cancellationToken));
        await pods.AllRunning.WaitAsync(cancellationToken);
        await stopWatch.CancelAsync();
        await watch.ContinueWith(_ => { }, TaskScheduler.Default);
        await client.DeleteAsync(ApiResource.Namespaces, null, WarmupNamespace, null, cancellationToken);
        while (await client.GetAsync(ApiResource.Namespaces, null, WarmupNamespace, cancellationToken) is not null)
        {
            await Task.Delay(200, cancellationToken);
        }
    }

    private static async Task WaitForNodesAsync(IKubernetesClient client, int count, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        while ((await client.ListAsync(ApiResource.Nodes, null, null, cancellationToken)).Items.Count < count)
        {
            await Task.Delay(200, cancellationToken);
        }

        Console.WriteLine($"{count} nodes registered in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");
    }

    private static JsonObject Deployment(string name, int replicas) => new()
    {
        ["apiVersion"] = "apps/v1",
        ["kind"] = "Deployment",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["spec"] = new JsonObject
        {
            ["replicas"] = replicas,
            ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = name } },
            ["template"] = new JsonObject
            {
                ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["app"] = name } },
                ["spec"] = new JsonObject
                {
                    ["containers"] = new JsonArray(new JsonObject
                    {
                        ["name"] = "app",
                        ["image"] = "busybox:1.36",
                        ["resources"] = new JsonObject { ["requests"] = new JsonObject { ["cpu"] = "10m", ["memory"] = "16Mi" } },
                    }),
                },
            },
        },
    };

    private static string Ms(double ms) => ms.ToString("F0", CultureInfo.InvariantCulture) + " ms";

}
