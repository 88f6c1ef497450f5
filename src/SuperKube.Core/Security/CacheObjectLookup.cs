using System.Text.Json.Nodes;
using SuperKube.Registry;
using SuperKube.WatchCache;

namespace SuperKube.Security;

/// <summary><see cref="IObjectLookup"/> over the watch cache, so authorizing a request costs no storage round trip.</summary>
internal sealed class CacheObjectLookup(IResourceRegistry registry, ResourceWatchCache cache) : IObjectLookup
{
    public JsonObject? Find(string group, string resource, string ns, string name) =>
        Type(group, resource) is { } type ? cache.For(type.StorageKey).Get(type.IsNamespaced ? ns : "", name)?.Parse() : null;

    public IReadOnlyList<JsonObject> List(string group, string resource, string ns) =>
        Type(group, resource) is { } type ? [.. cache.For(type.StorageKey).List(type.IsNamespaced ? ns : "").Select(o => o.Parse())] : [];

    /// <summary>The number of objects and their highest revision: a create or update raises the highest, a delete lowers the count.</summary>
    public (int Count, long Highest) Version(string group, string resource)
    {
        if (Type(group, resource) is not { } type)
        {
            return (0, 0);
        }

        var objects = cache.For(type.StorageKey).List(null);
        var highest = 0L;
        foreach (var obj in objects)
        {
            highest = Math.Max(highest, obj.Revision);
        }

        return (objects.Count, highest);
    }

    private ResourceType? Type(string group, string resource) => registry.Find(group, "v1", resource);
}
