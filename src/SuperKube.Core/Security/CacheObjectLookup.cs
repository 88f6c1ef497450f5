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

    private ResourceType? Type(string group, string resource) => registry.Find(group, "v1", resource);
}
