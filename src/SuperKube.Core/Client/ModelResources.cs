using System.Collections.Frozen;
using SuperKube.Model;
using SuperKube.Registry;

namespace SuperKube.Client;

/// <summary>Which resource serves each typed model (<c>Pod</c> → pods/v1).</summary>
internal static class ModelResources
{
    private static readonly Lazy<FrozenDictionary<Type, ApiResource>> ByType = new(Build);

    public static ApiResource For(Type type) =>
        ByType.Value.TryGetValue(type, out var resource)
            ? resource
            : throw new ArgumentException($"{type.Name} is not a built-in Kubernetes model type", nameof(type));

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
