using System.Text.Json.Nodes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SuperKube.Client;
using SuperKube.Controllers;
using SuperKube.Model;
using SuperKube.Model.Core;
using SuperKube.Model.Policy;
using SuperKube.Model.Scheduling;
using SuperKube.Scheduling.Cache;
using SuperKube.Scheduling.Framework;
using SuperKube.Scheduling.Queue;

namespace SuperKube.Scheduling;

/// <summary>
/// Runs the scheduler as a hosted service under the lease "superkube-scheduler" (one scheduler per cluster when several
/// servers share a database): once the lease is held it watches priority classes, namespaces, disruption budgets,
/// nodes and pods through the API client, then runs the scheduling loop until the host stops or the lease is lost,
/// and then starts over with a fresh queue.
/// </summary>
internal sealed partial class SchedulerService(
    IKubernetesClient client,
    SchedulerProfiles profiles,
    SchedulerCache cache,
    PodNominator nominator,
    WaitingPods waiting,
    PriorityClasses priorities,
    EventRecorder events,
    PodStatusWriter statuses,
    ILeaseManager leases,
    IOptions<SchedulerOptions> options,
    TimeProvider time,
    ILoggerFactory loggers) : BackgroundService
{
    private readonly ILogger _logger = loggers.CreateLogger<SchedulerService>();
    private readonly TaskCompletionSource<Scheduler> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The running scheduler, once its caches are in sync.</summary>
    public Task<Scheduler> Started => _started.Task;

    /// <summary>The lease the scheduling loop runs under.</summary>
    public const string LeaseName = "superkube-scheduler";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var lease = await leases.AcquireAsync(LeaseName, stoppingToken).ConfigureAwait(false);
            await using (lease.ConfigureAwait(false))
            {
                using var term = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lease.Lost);
                try
                {
                    await RunTermAsync(term.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (lease.Lost.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
                {
                }

                if (!stoppingToken.IsCancellationRequested)
                {
                    Log.LeaseLost(_logger);
                }
            }
        }
    }

    /// <summary>One term as the cluster's scheduler: runs until <paramref name="stoppingToken"/> (host stop or lease loss).</summary>
    private async Task RunTermAsync(CancellationToken stoppingToken)
    {
        // Pods assumed by a previous term whose binding never landed would hold their node's resources forever.
        foreach (var uid in cache.PodUids.Where(cache.IsAssumed).ToList())
        {
            cache.ForgetPod(uid);
        }

        var scheduler = new Scheduler(cache, nominator, waiting, events, statuses, profiles.Build(options.Value), options.Value, time, _logger);
        var handler = new ClusterEventHandler(scheduler, cache, nominator, waiting);
        var apiClient = ClientForScheduler();
        var tasks = new List<Task> { events.RunAsync(stoppingToken), statuses.RunAsync(stoppingToken) };

        // Priority classes first: pods are converted with their resolved priority.
        tasks.Add(Watch(apiClient, ApiResource.PriorityClasses, stoppingToken,
            items =>
            {
                priorities.Clear();
                foreach (var item in items)
                {
                    SetPriorityClass(item);
                }
            },
            e =>
            {
                if (e.Type == "DELETED")
                {
                    priorities.Remove(Name(e.Object));
                }
                else
                {
                    SetPriorityClass(e.Object);
                }
            },
            out var classesSynced));
        await classesSynced.ConfigureAwait(false);

        tasks.Add(Watch(apiClient, ApiResource.Namespaces, stoppingToken,
            items => scheduler.Post(() =>
            {
                foreach (var item in items)
                {
                    handler.NamespaceChanged("ADDED", Name(item), Labels(item));
                }
            }),
            e => scheduler.Post(() => handler.NamespaceChanged(e.Type, Name(e.Object), Labels(e.Object))),
            out var namespacesSynced));
        tasks.Add(Watch(apiClient, ApiResource.PodDisruptionBudgets, stoppingToken,
            items => scheduler.Post(() =>
            {
                foreach (var item in items)
                {
                    handler.BudgetChanged("ADDED", Key(item), Budget(item));
                }
            }),
            e => scheduler.Post(() => handler.BudgetChanged(e.Type, Key(e.Object), Budget(e.Object))),
            out var budgetsSynced));
        tasks.Add(Watch(apiClient, ApiResource.Nodes, stoppingToken,
            items =>
            {
                var nodes = items.Select(KubernetesClientExtensions.FromJson<Node>).ToList();
                scheduler.Post(() => handler.ReplaceNodes(nodes));
            },
            e =>
            {
                var node = KubernetesClientExtensions.FromJson<Node>(e.Object);
                scheduler.Post(() => handler.NodeChanged(e.Type, node));
            },
            out var nodesSynced));
        tasks.Add(Watch(apiClient, ApiResource.Pods, stoppingToken,
            items =>
            {
                var pods = items.Select(json => ToPod(KubernetesClientExtensions.FromJson<Pod>(json))).ToList();
                scheduler.Post(() => handler.ReplacePods(pods));
            },
            e =>
            {
                var pod = ToPod(e.SharedModel<Pod>());
                scheduler.Post(() => handler.PodChanged(e.Type, pod));
            },
            out var podsSynced));
        await Task.WhenAll(namespacesSynced, budgetsSynced, nodesSynced, podsSynced).WaitAsync(stoppingToken).ConfigureAwait(false);

        Log.Started(_logger, string.Join(", ", options.Value.Profiles.Keys));
        _started.TrySetResult(scheduler);
        tasks.Add(scheduler.RunAsync(stoppingToken));
        try
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private IKubernetesClient ClientForScheduler() => client.WithFieldManager(EventRecorder.Component);

    private Task Watch(
        IKubernetesClient watchClient, ApiResource resource, CancellationToken cancellationToken, Action<IReadOnlyList<JsonObject>> replace, Action<WatchEvent> change,
        out Task synced)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        synced = done.Task;
        var reflector = new Reflector(watchClient, resource, time, _logger);
        return Task.Run(() => reflector.RunAsync(replace, change, done, cancellationToken), cancellationToken);
    }

    /// <summary>The scheduler's view of a pod; <c>metadata.managedFields</c> is dropped (never read, and the largest part of a pod).</summary>
    private PodInfo ToPod(Pod pod) => new(pod.WithoutManagedFields(), priorities.Resolve(pod.Spec));

    private void SetPriorityClass(JsonObject json)
    {
        var pc = KubernetesClientExtensions.FromJson<PriorityClass>(json);
        priorities.Set(pc.Metadata?.Name ?? "", pc.Value ?? 0, pc.GlobalDefault ?? false);
    }

    private static DisruptionBudget Budget(JsonObject json)
    {
        var pdb = KubernetesClientExtensions.FromJson<PodDisruptionBudget>(json);
        return new DisruptionBudget(
            pdb.Metadata?.Namespace ?? "",
            LabelMatcher.From(pdb.Spec?.Selector),
            pdb.Status?.DisruptionsAllowed ?? 0,
            (pdb.Status?.DisruptedPods?.Keys ?? []).ToHashSet(StringComparer.Ordinal));
    }

    private static string Name(JsonObject json) => Objects.ObjectMetadata.Name(json);

    private static string Key(JsonObject json) => $"{Objects.ObjectMetadata.Namespace(json)}/{Name(json)}";

    private static Dictionary<string, string> Labels(JsonObject json) =>
        (json["metadata"]?["labels"] as JsonObject)?.Where(kv => kv.Value is JsonValue).ToDictionary(kv => kv.Key, kv => kv.Value!.ToString(), StringComparer.Ordinal)
        ?? new Dictionary<string, string>(StringComparer.Ordinal);

    private static partial class Log
    {
        [LoggerMessage(Diagnostics.SuperKubeEventIds.Scheduling + 30, LogLevel.Information, "Scheduler started with profiles {Profiles}")]
        public static partial void Started(ILogger logger, string profiles);

        [LoggerMessage(Diagnostics.SuperKubeEventIds.Scheduling + 31, LogLevel.Warning,
            "Scheduler lost its lease; it stops scheduling until the lease is held again")]
        public static partial void LeaseLost(ILogger logger);
    }
}
