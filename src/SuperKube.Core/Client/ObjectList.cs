using System.Text.Json.Nodes;
using SuperKube.Model;
using SuperKube.WatchCache;

namespace SuperKube.Client;

/// <summary>
/// The items of a LIST and the resourceVersion to watch from. A list from the in-process watch cache holds the cached
/// objects and parses them into <see cref="Items"/> only when that is read, so a reader that wants typed models
/// (<see cref="SharedModels{T}"/>) gets them without a JSON tree in between.
/// </summary>
public sealed record ObjectList
{
    private readonly IReadOnlyList<CachedObject>? _cached;
    private IReadOnlyList<JsonObject>? _items;

    public ObjectList(string resourceVersion, IReadOnlyList<JsonObject> items, string @continue = "")
    {
        ResourceVersion = resourceVersion;
        _items = items;
        Continue = @continue;
    }

    /// <summary>A list of cached objects, parsed on first read of <see cref="Items"/>.</summary>
    internal ObjectList(string resourceVersion, IReadOnlyList<CachedObject> cached, string @continue)
    {
        ResourceVersion = resourceVersion;
        _cached = cached;
        Continue = @continue;
    }

    public string ResourceVersion { get; init; }

    /// <summary>The objects: mutable copies owned by this list.</summary>
    public IReadOnlyList<JsonObject> Items
    {
        get => LazyInitializer.EnsureInitialized(ref _items, () => [.. _cached!.Select(c => c.Parse())]);
        init
        {
            _items = value;
            _cached = null;
        }
    }

    public string Continue { get; init; }

    /// <summary>
    /// The objects as models without <c>metadata.managedFields</c>, for readers that only read them (informers): from
    /// the in-process watch cache, the instances shared per revision with every in-process watcher (deserialised once
    /// for all, so they must never be modified); otherwise fresh instances.
    /// </summary>
    public IEnumerable<T> SharedModels<T>() where T : class, IKubernetesObject =>
        _cached is not null
            ? _cached.Select(c => c.SharedModel<T>())
            : Items.Select(i => KubernetesClientExtensions.FromJson<T>(i).WithoutManagedFields());
}
