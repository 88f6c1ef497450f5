using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace SuperKube.Model;

/// <summary>
/// JSON metadata for model types: source-generated for the built-in models, reflection-based (with the same naming,
/// null handling and converters, and the built-in parts still source-generated) for user types such as custom
/// resource models marked with <see cref="KubernetesEntityAttribute"/>.
/// </summary>
internal static class ModelTypeInfo
{
    private static readonly Lazy<JsonSerializerOptions> UserTypes = new(() => new JsonSerializerOptions(ModelJsonContext.Default.Options)
    {
        TypeInfoResolver = JsonTypeInfoResolver.Combine(ModelJsonContext.Default, new DefaultJsonTypeInfoResolver()),
    });

    public static JsonTypeInfo<T> For<T>() =>
        (JsonTypeInfo<T>)(ModelJsonContext.Default.GetTypeInfo(typeof(T)) ?? UserTypes.Value.GetTypeInfo(typeof(T)));

    /// <summary>A model read from UTF-8 JSON; a JSON <c>null</c> is malformed.</summary>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8Json) where T : class =>
        JsonSerializer.Deserialize(utf8Json, For<T>()) ?? throw new JsonException($"null {typeof(T).Name}");
}
