using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using SuperKube.Model;

namespace SuperKube.Controllers;

/// <summary>JSON conversions of model parts (any type the model context knows, not only top-level objects).</summary>
internal static class ModelJson
{
    public static JsonNode? ToNode<T>(T? value)
        where T : class =>
        value is null ? null : JsonSerializer.SerializeToNode(value, Info<T>());

    public static T? FromNode<T>(JsonNode? node)
        where T : class =>
        node is null ? null : node.Deserialize(Info<T>());

    /// <summary>A deep copy, so objects from an informer's cache can be changed.</summary>
    public static T Clone<T>(T value)
        where T : class =>
        JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(value, Info<T>()), Info<T>())
        ?? throw new JsonException($"null {typeof(T).Name}");

    /// <summary>True when both serialise to the same JSON (object member order ignored).</summary>
    public static bool SameJson<T>(T? left, T? right)
        where T : class =>
        JsonNode.DeepEquals(ToNode(left), ToNode(right));

    private static JsonTypeInfo<T> Info<T>() => ModelTypeInfo.For<T>();
}
