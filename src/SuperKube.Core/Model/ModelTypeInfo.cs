using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using SuperKube.Model.Meta;

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
        TypeInfoResolver = BuiltInThenReflection(),
    });

    /// <summary>The same metadata with <c>metadata.managedFields</c> skipped unparsed (what in-process watchers keep).</summary>
    private static readonly Lazy<JsonSerializerOptions> WithoutManagedFields = new(() => new JsonSerializerOptions(ModelJsonContext.Default.Options)
    {
        TypeInfoResolver = BuiltInThenReflection().WithAddedModifier(SkipManagedFields),
    });

    public static JsonTypeInfo<T> For<T>() =>
        (JsonTypeInfo<T>)(ModelJsonContext.Default.GetTypeInfo(typeof(T)) ?? UserTypes.Value.GetTypeInfo(typeof(T)));

    /// <summary>A model read from UTF-8 JSON; a JSON <c>null</c> is malformed.</summary>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8Json) where T : class =>
        JsonSerializer.Deserialize(utf8Json, For<T>()) ?? throw new JsonException($"null {typeof(T).Name}");

    /// <summary>
    /// A model read from UTF-8 JSON without <c>metadata.managedFields</c>: the entries (often the largest part of an
    /// object, each with a FieldsV1 tree) are skipped by the reader instead of being built and dropped.
    /// </summary>
    public static T DeserializeWithoutManagedFields<T>(ReadOnlySpan<byte> utf8Json) where T : class =>
        JsonSerializer.Deserialize(utf8Json, (JsonTypeInfo<T>)WithoutManagedFields.Value.GetTypeInfo(typeof(T)))
        ?? throw new JsonException($"null {typeof(T).Name}");

    private static IJsonTypeInfoResolver BuiltInThenReflection() =>
        JsonTypeInfoResolver.Combine(ModelJsonContext.Default, new DefaultJsonTypeInfoResolver());

    private static void SkipManagedFields(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Type != typeof(ObjectMeta))
        {
            return;
        }

        foreach (var property in typeInfo.Properties)
        {
            if (property.PropertyType == typeof(IList<ManagedFieldsEntry>))
            {
                property.CustomConverter = SkippedManagedFields.Instance;
            }
        }
    }

    /// <summary>Reads <c>managedFields</c> as absent, skipping its value.</summary>
    private sealed class SkippedManagedFields : JsonConverter<IList<ManagedFieldsEntry>>
    {
        public static readonly SkippedManagedFields Instance = new();

        public override IList<ManagedFieldsEntry>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            reader.Skip();
            return null;
        }

        public override void Write(Utf8JsonWriter writer, IList<ManagedFieldsEntry> value, JsonSerializerOptions options) =>
            throw new NotSupportedException("models read without managedFields are never written with these options");
    }
}
