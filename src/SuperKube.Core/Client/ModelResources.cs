using System.Collections.Concurrent;
using System.Collections.Frozen;
using SuperKube.Model;
using SuperKube.Registry;

namespace SuperKube.Client;

/// <summary>Which resource serves each typed model (<c>Pod</c> → pods/v1).</summary>
internal static class ModelResources
{
    private static readonly Lazy<FrozenDictionary<Type, ApiResource>> ByType = new(Build);
    private static readonly ConcurrentDictionary<Type, KubernetesEntityAttribute?> Entities = new();

    public static ApiResource For(Type type) =>
        ByType.Value.TryGetValue(type, out var resource) ? resource
        : Entity(type) is { } entity ? new ApiResource(entity.Group, entity.ApiVersion, entity.PluralName)
        : throw new ArgumentException($"{type.Name} is neither a built-in Kubernetes model type nor marked with [KubernetesEntity]", nameof(type));

    /// <summary>The kind of a model type: its [KubernetesEntity] kind, else its class name.</summary>
    public static string KindOf(Type type) => Entity(type)?.Kind is { Length: > 0 } kind ? kind : type.Name;

    /// <summary>The type's [KubernetesEntity], looked up once per type (typed writes ask for it on every call).</summary>
    private static KubernetesEntityAttribute? Entity(Type type) =>
        Entities.GetOrAdd(type, static t => t.GetCustomAttributes(typeof(KubernetesEntityAttribute), inherit: false).OfType<KubernetesEntityAttribute>().FirstOrDefault());

    private static FrozenDictionary<Type, ApiResource> Build()
    {
        var resources = BuiltInResources.Create();
        var result = new Dictionary<Type, ApiResource>();
        foreach (var (gvk, type) in BuiltInModels.All)
        {
            var match = resources.FirstOrDefault(r => r.Group == gvk.Group && r.Version == gvk.Version && r.Kind == gvk.Kind);
            if (match is not null)
            {
                result.TryAdd(type, new ApiResource(match.Group, match.Version, match.Plural));
            }
        }

        return result.ToFrozenDictionary();
    }
}
