using System.Text.Json.Nodes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SuperKube.Api;
using SuperKube.Client;
using SuperKube.Diagnostics;
using SuperKube.Objects;
using SuperKube.Registry;
using SuperKube.Resources;

namespace SuperKube.CustomResources;

/// <summary>
/// Serves the resources of CustomResourceDefinitions. It watches CRDs through the API like any controller: adds the
/// cleanup finalizer, checks names against the group (NamesAccepted), registers one resource type per served version
/// (Established) and keeps acceptedNames and storedVersions. When a CRD is deleted it deletes every custom resource,
/// stops serving them and then releases the finalizer.
/// </summary>
internal sealed partial class CrdRegistrar : BackgroundService
{
    /// <summary>The finalizer that holds a deleted CRD until its custom resources are gone.</summary>
    public const string Finalizer = "customresourcecleanup.apiextensions.k8s.io";

    private static readonly ApiResource Crds = new("apiextensions.k8s.io", "v1", "customresourcedefinitions");
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(200);

    private readonly IKubernetesClient _client;
    private readonly IResourceRegistry _registry;
    private readonly TimeProvider _time;
    private readonly ILogger<CrdRegistrar> _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, JsonObject> _crds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<ResourceType>> _served = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Task> _cleanups = new(StringComparer.Ordinal);
    private CancellationToken _stopping;

    public CrdRegistrar(IKubernetesClient client, IResourceRegistry registry, TimeProvider time, ILogger<CrdRegistrar> logger)
    {
        _client = client.WithFieldManager("apiextensions-controller");
        _registry = registry;
        _time = time;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;
        var resourceVersion = "";
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var options = new ListOptions { ResourceVersion = resourceVersion };
                await foreach (var change in _client.WatchAsync(Crds, null, options, stoppingToken).ConfigureAwait(false))
                {
                    resourceVersion = ObjectMetadata.ResourceVersion(change.Object);
                    await HandleAsync(change, stoppingToken).ConfigureAwait(false);
                }
            }
            catch (ApiException ex) when (ex.Code == 410)
            {
                resourceVersion = "";
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            // The stream ended (server stopping) or had to restart: watch again.
            await Task.Delay(RetryDelay, _time, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task HandleAsync(WatchEvent change, CancellationToken cancellationToken)
    {
        var crd = change.Object;
        var name = ObjectMetadata.Name(crd);
        if (change.Type == "DELETED")
        {
            lock (_gate)
            {
                _crds.Remove(name);
            }

            Unregister(name);
            return;
        }

        if (change.Type is not ("ADDED" or "MODIFIED"))
        {
            return;
        }

        Remember(name, crd);
        try
        {
            if (ObjectMetadata.IsDeleting(crd))
            {
                StartCleanup(name);
                return;
            }

            if (!(ObjectMetadata.Finalizers(crd) ?? []).Any(f => f?.GetValue<string>() == Finalizer))
            {
                var withFinalizer = crd.DeepClone().AsObject();
                var finalizers = ObjectMetadata.Finalizers(withFinalizer) ?? [];
                finalizers.Add(Finalizer);
                ObjectMetadata.Of(withFinalizer)["finalizers"] = finalizers.DeepClone();
                crd = Remember(name, await _client.UpdateAsync(Crds, null, withFinalizer, "", cancellationToken).ConfigureAwait(false));
            }

            await ReconcileAsync(name, crd, cancellationToken).ConfigureAwait(false);
        }
        catch (ApiException ex) when (ex.Code is 404 or 409)
        {
            // Changed or gone meanwhile: the next watch event brings the current object.
        }
        catch (Exception ex) when (ex is ApiException or InvalidOperationException or FormatException or System.Text.Json.JsonException)
        {
            Log.ReconcileFailed(_logger, name, ex);
        }
    }

    // Keeps the newest copy of a CRD this controller wrote, so name checks of other CRDs see its accepted names at once.
    private JsonObject Remember(string name, JsonObject crd)
    {
        lock (_gate)
        {
            _crds[name] = crd;
        }

        return crd;
    }

    private async Task ReconcileAsync(string name, JsonObject crd, CancellationToken cancellationToken)
    {
        var info = CrdInfo.From(crd);
        var names = CrdNameCheck.Check(info.Names, CrdNames.From(crd["status"]?["acceptedNames"]), InUse(info));
        var established = CrdStatus.Has(crd, "Established") || names.Reason is null;
        if (established && names.Accepted.Plural.Length > 0 && names.Accepted.Kind.Length > 0)
        {
            Register(name, CustomResourceTypes.Build(info, names.Accepted));
        }

        var desired = CrdStatus.WithNames(crd, names, established, _time.GetUtcNow());
        if (!JsonNode.DeepEquals(desired["status"], crd["status"]))
        {
            Remember(name, await _client.UpdateAsync(Crds, null, desired, "status", cancellationToken).ConfigureAwait(false));
            Log.Reconciled(_logger, name, established);
        }
    }

    // The names other CRDs of the group accepted, plus the built-in resources of the group.
    private CrdNameCheck.InUse InUse(CrdInfo crd)
    {
        var resources = new HashSet<string>(StringComparer.Ordinal);
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        lock (_gate)
        {
            foreach (var (name, other) in _crds)
            {
                if (name == crd.Name || JsonFields.Text(other["spec"], "group") != crd.Group)
                {
                    continue;
                }

                var accepted = CrdNames.From(other["status"]?["acceptedNames"]);
                resources.UnionWith([accepted.Plural, accepted.Singular, .. accepted.ShortNames]);
                kinds.UnionWith([accepted.Kind, accepted.ListKind]);
            }

            var custom = _served.Values.SelectMany(t => t).ToHashSet();
            foreach (var type in _registry.All.Where(t => t.Group == crd.Group && !custom.Contains(t)))
            {
                resources.UnionWith([type.Plural, type.Singular, .. type.ShortNames]);
                kinds.UnionWith([type.Kind, type.Kind + "List"]);
            }
        }

        resources.Remove("");
        kinds.Remove("");
        return new CrdNameCheck.InUse(resources, kinds);
    }

    private void Register(string name, IReadOnlyList<ResourceType> types)
    {
        lock (_gate)
        {
            var previous = _served.GetValueOrDefault(name) ?? [];
            var sameShape = previous.Select(Key).SequenceEqual(types.Select(Key));
            if (!sameShape)
            {
                // Versions or names changed: re-register in preference order (discovery lists the first version as preferred).
                foreach (var type in previous)
                {
                    _registry.Unregister(type.Group, type.Version, type.Plural);
                }
            }

            foreach (var type in types)
            {
                _registry.Register(type);
            }

            _served[name] = types;
        }
    }

    private void Unregister(string name)
    {
        lock (_gate)
        {
            if (_served.Remove(name, out var types))
            {
                foreach (var type in types)
                {
                    _registry.Unregister(type.Group, type.Version, type.Plural);
                }
            }
        }
    }

    private void StartCleanup(string name)
    {
        lock (_gate)
        {
            if (!_cleanups.ContainsKey(name))
            {
                _cleanups[name] = Task.Run(() => CleanupAsync(name, _stopping), CancellationToken.None);
            }
        }
    }

    // Deletes every custom resource of a deleted CRD, stops serving them and releases the CRD's finalizer.
    private async Task CleanupAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            if (await _client.GetAsync(Crds, null, name, cancellationToken).ConfigureAwait(false) is { } crd && !CrdStatus.Has(crd, "Terminating"))
            {
                await _client.UpdateAsync(Crds, null, CrdStatus.Terminating(crd, _time.GetUtcNow()), "status", cancellationToken).ConfigureAwait(false);
            }

            IReadOnlyList<ResourceType> types;
            lock (_gate)
            {
                types = _served.GetValueOrDefault(name) ?? [];
            }

            if (types.Count > 0)
            {
                await DeleteAllAsync(types[0], cancellationToken).ConfigureAwait(false);
            }

            Unregister(name);
            await ReleaseFinalizerAsync(name, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ApiException or InvalidOperationException or System.Text.Json.JsonException)
        {
            Log.CleanupFailed(_logger, name, ex);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Server stopping: the next start finds the CRD still deleting and finishes the job.
        }
        finally
        {
            lock (_gate)
            {
                _cleanups.Remove(name);
            }
        }
    }

    private async Task DeleteAllAsync(ResourceType type, CancellationToken cancellationToken)
    {
        var resource = new ApiResource(type.Group, type.Version, type.Plural);
        while (true)
        {
            var list = await _client.ListAsync(resource, null, null, cancellationToken).ConfigureAwait(false);
            if (list.Items.Count == 0)
            {
                return;
            }

            foreach (var item in list.Items.Where(i => !ObjectMetadata.IsDeleting(i)))
            {
                await _client.DeleteAsync(resource, ObjectMetadata.Namespace(item), ObjectMetadata.Name(item), null, cancellationToken)
                    .ConfigureAwait(false);
            }

            // Objects with finalizers of their own go away when their controllers release them.
            if (list.Items.Any(ObjectMetadata.HasFinalizers))
            {
                await Task.Delay(RetryDelay, _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task ReleaseFinalizerAsync(string name, CancellationToken cancellationToken)
    {
        while (await _client.GetAsync(Crds, null, name, cancellationToken).ConfigureAwait(false) is { } crd)
        {
            if (ObjectMetadata.Finalizers(crd) is not { } finalizers || !finalizers.Any(f => f?.GetValue<string>() == Finalizer))
            {
                return;
            }

            ObjectMetadata.Of(crd)["finalizers"] = new JsonArray([.. finalizers.Where(f => f?.GetValue<string>() != Finalizer).Select(f => f?.DeepClone())]);
            try
            {
                await _client.UpdateAsync(Crds, null, crd, "", cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (ApiException ex) when (ex.Code == 409)
            {
                // Modified meanwhile: read it again.
            }
        }
    }

    private static (string, string, string, string) Key(ResourceType type) => (type.Group, type.Version, type.Plural, type.Kind);

    private static partial class Log
    {
        [LoggerMessage(EventId = SuperKubeEventIds.Api + 900, Level = LogLevel.Information,
            Message = "CustomResourceDefinition {Name} reconciled (established: {Established})")]
        public static partial void Reconciled(ILogger logger, string name, bool established);

        [LoggerMessage(EventId = SuperKubeEventIds.Api + 901, Level = LogLevel.Warning,
            Message = "CustomResourceDefinition {Name} could not be reconciled")]
        public static partial void ReconcileFailed(ILogger logger, string name, Exception exception);

        [LoggerMessage(EventId = SuperKubeEventIds.Api + 902, Level = LogLevel.Warning,
            Message = "Custom resources of the deleted CustomResourceDefinition {Name} could not be cleaned up")]
        public static partial void CleanupFailed(ILogger logger, string name, Exception exception);
    }
}
