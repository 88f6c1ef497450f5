using SuperKube.Client;
using SuperKube.Model;

namespace SuperKube.Controllers;

/// <summary>
/// Configures a controller added with <c>AddController&lt;TResource, TReconciler&gt;()</c>: its name, concurrency
/// and what else triggers a reconcile of <typeparamref name="TResource"/>.
/// </summary>
/// <typeparam name="TResource">The model type reconciled.</typeparam>
public sealed class ControllerBuilder<TResource>
    where TResource : class, IKubernetesObject
{
    private readonly List<WatchSource> _sources = [];

    internal ControllerBuilder(string name) => Name = name;

    /// <summary>The controller's name: the key of its <see cref="ControllerOptions"/> and of its lease.</summary>
    public string Name { get; private set; }

    internal int? Concurrency { get; private set; }

    internal IReadOnlyList<WatchSource> Sources => _sources;

    /// <summary>Names the controller; a controller added later with the same name replaces it.</summary>
    public ControllerBuilder<TResource> WithName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        return this;
    }

    /// <summary>Reconciles up to <paramref name="concurrency"/> different objects at once.</summary>
    public ControllerBuilder<TResource> WithConcurrency(int concurrency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        Concurrency = concurrency;
        return this;
    }

    /// <summary>
    /// Reconciles the controlling owner (a <typeparamref name="TResource"/> named in the owner reference with
    /// <c>controller: true</c>) whenever a <typeparamref name="TChild"/> is added, changed or deleted.
    /// </summary>
    public ControllerBuilder<TResource> Owns<TChild>()
        where TChild : class, IKubernetesObject
    {
        var group = ModelResources.For(typeof(TResource)).Group;
        var kind = ModelResources.KindOf(typeof(TResource));
        _sources.Add(new WatchSource((factory, _, enqueue) =>
        {
            var informer = factory.GetInformer<TChild>();
            void EnqueueOwner(TChild child)
            {
                if (ControllerRefs.ControllerOf(child.Metadata) is { Name: { Length: > 0 } owner } reference && ControllerRefs.Refers(reference, group, kind))
                {
                    enqueue(new ReconcileRequest(child.Metadata?.Namespace ?? "", owner));
                }
            }

            var subscription = informer.AddHandler(
                EnqueueOwner,
                (old, current) =>
                {
                    EnqueueOwner(current);
                    if (ControllerRefs.ControllerOf(old.Metadata)?.Uid != ControllerRefs.ControllerOf(current.Metadata)?.Uid)
                    {
                        EnqueueOwner(old);
                    }
                },
                EnqueueOwner);
            return (informer, subscription);
        }));
        return this;
    }

    /// <summary>
    /// Reconciles the requests <paramref name="map"/> returns whenever a <typeparamref name="TOther"/> is added,
    /// changed or deleted. The map gets the changed object and the service provider (for listers), and must be quick.
    /// </summary>
    public ControllerBuilder<TResource> Watches<TOther>(Func<TOther, IServiceProvider, IEnumerable<ReconcileRequest>> map)
        where TOther : class, IKubernetesObject
    {
        ArgumentNullException.ThrowIfNull(map);
        _sources.Add(new WatchSource((factory, services, enqueue) =>
        {
            var informer = factory.GetInformer<TOther>();
            void Map(TOther obj)
            {
                foreach (var request in map(obj, services))
                {
                    enqueue(request);
                }
            }

            return (informer, informer.AddHandler(Map, (_, current) => Map(current), Map));
        }));
        return this;
    }
}
