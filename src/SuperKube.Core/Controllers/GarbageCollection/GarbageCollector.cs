using Microsoft.Extensions.Logging;
using SuperKube.Api;
using SuperKube.Client;
using SuperKube.Controllers.WorkQueues;
using SuperKube.Diagnostics;
using SuperKube.Objects;
using SuperKube.Registry;
using SuperKube.Resources;

namespace SuperKube.Controllers.GarbageCollection;

/// <summary>
/// Follows ownerReferences across every resource the registry serves: deletes objects whose owners are all gone,
/// deletes the dependents of foreground-deleted owners and then lifts their <c>foregroundDeletion</c> finalizer, and
/// unlinks the dependents of orphan-deleted owners before lifting <c>orphan</c>. Owners missing from the graph are
/// checked with a live GET before anything is deleted.
/// </summary>
internal sealed partial class GarbageCollector(IResourceRegistry registry, IKubernetesClient client, TimeProvider time, ILogger<GarbageCollector> logger)
    : IManagedController
{
    public const string ControllerName = "garbage-collector";
    private const int Workers = 4;

    private readonly OwnerGraph _graph = new();
    private readonly IKubernetesClient _client = client.WithFieldManager("garbage-collector");
    private readonly Dictionary<string, (ResourceMonitor Monitor, CancellationTokenSource Stop, Task Run)> _monitors = [];
    private readonly Lock _lock = new();
    private WorkQueue<string>? _queue;
    private CancellationToken _stopping;

    public string Name => ControllerName;

    public async Task RunAsync(CancellationToken stopping)
    {
        _stopping = stopping;
        using var queue = new WorkQueue<string>(time, TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(30));
        _queue = queue;
        registry.Changed += OnRegistryChanged;
        try
        {
            SyncMonitors();
            Task[] synced;
            lock (_lock)
            {
                synced = [.. _monitors.Values.Select(m => m.Monitor.Synced)];
            }

            await Task.WhenAll(synced).WaitAsync(stopping).ConfigureAwait(false);
            Log.Started(logger, _graph.Count);
            using (stopping.Register(queue.ShutDown))
            {
                await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(() => WorkAsync(queue, stopping), CancellationToken.None)))
                    .ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping before the graph was synced.
        }
        finally
        {
            registry.Changed -= OnRegistryChanged;
            await StopMonitorsAsync().ConfigureAwait(false);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private void OnRegistryChanged(object? sender, EventArgs e)
    {
        if (!_stopping.IsCancellationRequested)
        {
            SyncMonitors();
        }
    }

    /// <summary>
    /// Resources the collector never watches, as Kubernetes' default ignored set: Events (core and events.k8s.io),
    /// the most numerous objects in a busy cluster, which nothing owns and which expire on their own.
    /// </summary>
    private static bool IsIgnored(ResourceType type) => type.Plural == "events" && type.Group is "" or "events.k8s.io";

    /// <summary>One monitor per stored resource (resources sharing storage are watched once); gone ones are stopped.</summary>
    private void SyncMonitors()
    {
        var wanted = registry.All
            .Where(t => !t.IsVirtual && t.Verbs.Contains("watch") && t.Verbs.Contains("delete") && !IsIgnored(t))
            .GroupBy(t => t.StorageKey)
            .ToDictionary(g => g.Key, g => g.First());
        lock (_lock)
        {
            foreach (var key in _monitors.Keys.Where(k => !wanted.ContainsKey(k)).ToList())
            {
                _monitors[key].Stop.Cancel();
                _monitors.Remove(key);
            }

            foreach (var (key, type) in wanted.Where(w => !_monitors.ContainsKey(w.Key)))
            {
                var monitor = new ResourceMonitor(new ApiResource(type.Group, type.Version, type.Plural), _client, _graph, Enqueue, time);
                var stop = CancellationTokenSource.CreateLinkedTokenSource(_stopping);
                _monitors[key] = (monitor, stop, Task.Run(() => monitor.RunAsync(stop.Token), CancellationToken.None));
            }
        }
    }

    private async Task StopMonitorsAsync()
    {
        List<(ResourceMonitor Monitor, CancellationTokenSource Stop, Task Run)> monitors;
        lock (_lock)
        {
            monitors = [.. _monitors.Values];
            _monitors.Clear();
        }

        foreach (var monitor in monitors)
        {
            await monitor.Stop.CancelAsync().ConfigureAwait(false);
        }

        await Task.WhenAll(monitors.Select(m => m.Run)).ConfigureAwait(false);
        foreach (var monitor in monitors)
        {
            monitor.Stop.Dispose();
        }
    }

    private void Enqueue(IReadOnlyList<string> uids)
    {
        foreach (var uid in uids)
        {
            _queue?.Add(uid);
        }
    }

    private async Task WorkAsync(WorkQueue<string> queue, CancellationToken stopping)
    {
        while (true)
        {
            var (uid, shutdown) = await queue.GetAsync(CancellationToken.None).ConfigureAwait(false);
            if (shutdown)
            {
                return;
            }

            try
            {
                await ProcessAsync(uid, stopping).ConfigureAwait(false);
                queue.Forget(uid);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Log.Failed(logger, uid, ex);
                queue.AddRateLimited(uid);
            }
            finally
            {
                queue.Done(uid);
            }
        }
    }

    private async Task ProcessAsync(string uid, CancellationToken cancellationToken)
    {
        if (_graph.Get(uid) is not { } node)
        {
            return;
        }

        if (node.OrphaningDependents)
        {
            foreach (var dependent in _graph.DependentsOf(uid))
            {
                await ObjectEdits.RemoveOwnerReferencesAsync(_client, dependent, [uid], cancellationToken).ConfigureAwait(false);
            }

            await ObjectEdits.RemoveFinalizerAsync(_client, node, DeletionFinalizers.Orphan, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (node.DeletingDependents)
        {
            var dependents = _graph.DependentsOf(uid);
            Enqueue([.. dependents.Where(d => !d.Deleting).Select(d => d.Uid)]);
            if (!CollectionRules.IsBlocked(node, dependents))
            {
                await ObjectEdits.RemoveFinalizerAsync(_client, node, DeletionFinalizers.Foreground, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var owners = new Dictionary<string, OwnerState>();
        foreach (var owner in node.Owners)
        {
            owners[owner.Uid] = await OwnerStateAsync(node, owner, cancellationToken).ConfigureAwait(false);
        }

        var action = CollectionRules.ForDependent(node, owners, _graph.DependentsOf(uid).Count > 0);
        switch (action.Kind)
        {
            case DependentActionKind.RemoveOwnerReferences:
                await ObjectEdits.RemoveOwnerReferencesAsync(_client, node, action.OwnerUidsToRemove, cancellationToken).ConfigureAwait(false);
                break;
            case DependentActionKind.Delete:
                Log.Deleting(logger, node.Resource.Plural, node.Namespace, node.Name, action.PropagationPolicy);
                await DeleteAsync(node, action.PropagationPolicy, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async Task<OwnerState> OwnerStateAsync(GraphNode dependent, OwnerLink link, CancellationToken cancellationToken)
    {
        if (_graph.Get(link.Uid) is { } observed)
        {
            return observed.DeletingDependents ? OwnerState.WaitingForDependents : OwnerState.Solid;
        }

        var type = registry.FindByKind(link.ApiVersion, link.Kind);
        if (type is null || (type.IsNamespaced && dependent.Namespace.Length == 0))
        {
            // Not a kind this server knows (or an impossible reference): never a reason to delete.
            return OwnerState.Solid;
        }

        var live = await _client.GetAsync(new ApiResource(type.Group, type.Version, type.Plural), type.IsNamespaced ? dependent.Namespace : null,
            link.Name, cancellationToken).ConfigureAwait(false);
        if (live is null || ObjectMetadata.Uid(live) != link.Uid)
        {
            return OwnerState.Dangling;
        }

        return GraphNode.From(default, live).DeletingDependents ? OwnerState.WaitingForDependents : OwnerState.Solid;
    }

    private async Task DeleteAsync(GraphNode node, string policy, CancellationToken cancellationToken)
    {
        try
        {
            await _client.DeleteAsync(node.Resource, node.Namespace.Length == 0 ? null : node.Namespace, node.Name,
                new DeleteOptions { PropagationPolicy = policy, PreconditionUid = node.Uid }, cancellationToken).ConfigureAwait(false);
        }
        catch (ApiException ex) when (ex.Code is 404 or 409)
        {
            // Gone already, or replaced by another object of the same name.
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = SuperKubeEventIds.Controllers + 200, Level = LogLevel.Information,
            Message = "Garbage collector started with {Objects} objects in its graph")]
        public static partial void Started(ILogger logger, int objects);

        [LoggerMessage(EventId = SuperKubeEventIds.Controllers + 201, Level = LogLevel.Debug,
            Message = "Garbage collector deleting {Resource} {Namespace}/{Name} ({Policy}): its owners are gone")]
        public static partial void Deleting(ILogger logger, string resource, string @namespace, string name, string policy);

        [LoggerMessage(EventId = SuperKubeEventIds.Controllers + 202, Level = LogLevel.Warning,
            Message = "Garbage collector failed processing {Uid}; retrying with backoff")]
        public static partial void Failed(ILogger logger, string uid, Exception exception);
    }
}
