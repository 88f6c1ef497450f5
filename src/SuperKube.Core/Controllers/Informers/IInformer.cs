using SuperKube.Client;
using SuperKube.Model;

namespace SuperKube.Controllers.Informers;

/// <summary>An informer of any type: its resource and whether its cache holds a complete list yet.</summary>
public interface IInformer
{
    /// <summary>The resource the informer lists and watches.</summary>
    ApiResource Resource { get; }

    /// <summary>True once the first list was loaded into the cache.</summary>
    bool HasSynced { get; }

    /// <summary>Completes once <see cref="HasSynced"/> is true.</summary>
    Task WaitForSyncAsync(CancellationToken cancellationToken);
}

/// <summary>
/// A shared informer: lists and watches one resource in all namespaces, keeps the objects in an indexed in-memory
/// cache and tells handlers about every change. Relists when the watch expires (410). Objects handed out are
/// shared: never modify them, copy first.
/// </summary>
/// <typeparam name="T">The model type.</typeparam>
public interface IInformer<T> : IInformer
    where T : class, IKubernetesObject
{
    /// <summary>Reads from the cache.</summary>
    ILister<T> Lister { get; }

    /// <summary>
    /// Subscribes to changes. The handlers run one at a time on the informer's loop, after the cache was updated,
    /// and must return quickly (enqueue work, do not do it). A handler added after the cache was filled first gets
    /// an add for every cached object. Dispose the result to unsubscribe.
    /// </summary>
    IDisposable AddHandler(Action<T>? onAdd, Action<T, T>? onUpdate, Action<T>? onDelete);

    /// <summary>Adds a named index (ignored when one with that name exists); see <see cref="InformerIndexes"/>.</summary>
    void AddIndexer(string name, Func<T, IEnumerable<string>> index);
}
