using System.Collections.Concurrent;
using System.ComponentModel;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using SuperKube.Model;
using SuperKube.Model.Meta;

namespace SuperKube.Schema;

/// <summary>
/// Builds the <see cref="StructuralSchema"/> of a typed model by reflection: JSON names as System.Text.Json writes
/// them, descriptions from <see cref="DescriptionAttribute"/>, patch and list metadata from the attributes in this
/// folder. Schemas are cached per type and must be treated as read-only.
/// </summary>
/// <remarks>
/// A property whose type is another model class gets its own schema object (its description and patch metadata
/// differ per use) that shares the <see cref="StructuralSchema.Properties"/> of the class schema.
/// <see cref="ReferencedType"/> tells which type such a schema stands for, so writers can emit a reference.
/// </remarks>
internal static class ModelSchemaBuilder
{
    private static readonly ConcurrentDictionary<Type, StructuralSchema> Cache = new();
    private static readonly ConditionalWeakTable<StructuralSchema, Type> References = new();
    private static readonly Lock Gate = new();

    /// <summary>The schema of a model class.</summary>
    public static StructuralSchema For(Type modelType)
    {
        ArgumentNullException.ThrowIfNull(modelType);
        if (Cache.TryGetValue(modelType, out var cached))
        {
            return cached;
        }

        lock (Gate)
        {
            var building = new Dictionary<Type, StructuralSchema>();
            var schema = Build(modelType, building);
            foreach (var (type, built) in building)
            {
                Cache.TryAdd(type, built);
            }

            return Cache.TryGetValue(modelType, out cached) ? cached : schema;
        }
    }

    /// <summary>A schema that stands for <paramref name="modelType"/> where it is used, with its own description.</summary>
    public static StructuralSchema Reference(Type modelType, string? description) =>
        Reference(modelType, For(modelType), description);

    /// <summary>The model type a schema stands for, or null for inline schemas.</summary>
    public static Type? ReferencedType(StructuralSchema schema) =>
        References.TryGetValue(schema, out var type) ? type : null;

    /// <summary>
    /// The schema of a kind that has no model: apiVersion, kind and metadata are described, and every other field is
    /// kept as sent (x-kubernetes-preserve-unknown-fields).
    /// </summary>
    public static StructuralSchema Unmodelled(string kind) => new()
    {
        Type = "object",
        Description = $"A {kind} object. The server publishes no detailed schema for it and keeps every field as sent.",
        PreserveUnknownFields = true,
        Properties = new Dictionary<string, StructuralSchema>(StringComparer.Ordinal)
        {
            ["apiVersion"] = new() { Type = "string", Description = "Versioned schema of this representation, such as v1 or apps/v1." },
            ["kind"] = new() { Type = "string", Description = $"Type of the object; here {kind}." },
            ["metadata"] = Reference(typeof(ObjectMeta), "Standard object metadata: name, namespace, labels, annotations and server bookkeeping."),
        },
    };

    /// <summary>The description of a type or property, or null.</summary>
    public static string? DescriptionOf(MemberInfo member) => member.GetCustomAttribute<DescriptionAttribute>()?.Description;

    private static StructuralSchema Build(Type type, Dictionary<Type, StructuralSchema> building)
    {
        if (Cache.TryGetValue(type, out var cached) || building.TryGetValue(type, out cached))
        {
            return cached;
        }

        var properties = new Dictionary<string, StructuralSchema>(StringComparer.Ordinal);
        var schema = new StructuralSchema
        {
            Type = "object",
            Description = DescriptionOf(type),
            Properties = properties,
            MapType = type.GetCustomAttribute<MapTypeAttribute>()?.Type,
        };
        building[type] = schema;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.MetadataToken))
        {
            if (property.IsDefined(typeof(JsonExtensionDataAttribute)) || property.IsDefined(typeof(JsonIgnoreAttribute)))
            {
                continue;
            }

            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            var propertySchema = ForClrType(property.PropertyType, DescriptionOf(property), building);
            ApplyFieldMetadata(property, propertySchema);
            properties[name] = propertySchema;
        }

        return schema;
    }

    private static StructuralSchema ForClrType(Type type, string? description, Dictionary<Type, StructuralSchema> building)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(IntOrString))
        {
            return Reference(type, new StructuralSchema { IntOrString = true }, description);
        }

        if (Scalar(type) is { } scalar)
        {
            scalar.Description = description;
            return scalar;
        }

        if (typeof(JsonNode).IsAssignableFrom(type) || type == typeof(JsonElement))
        {
            return new StructuralSchema { Type = "object", Description = description, PreserveUnknownFields = true };
        }

        if (DictionaryValueType(type) is { } valueType)
        {
            return new StructuralSchema
            {
                Type = "object",
                Description = description,
                AdditionalProperties = ForClrType(valueType, null, building),
            };
        }

        if (ListItemType(type) is { } itemType)
        {
            return new StructuralSchema { Type = "array", Description = description, Items = ForClrType(itemType, null, building) };
        }

        if (type.IsClass)
        {
            return Reference(type, Build(type, building), description);
        }

        throw new NotSupportedException($"The model property type {type} has no schema mapping.");
    }

    private static StructuralSchema? Scalar(Type type) => Type.GetTypeCode(type) switch
    {
        TypeCode.String => new StructuralSchema { Type = "string" },
        TypeCode.Boolean => new StructuralSchema { Type = "boolean" },
        TypeCode.Int32 => new StructuralSchema { Type = "integer", Format = "int32" },
        TypeCode.Int64 => new StructuralSchema { Type = "integer", Format = "int64" },
        TypeCode.Double => new StructuralSchema { Type = "number", Format = "double" },
        _ when type == typeof(DateTimeOffset) => new StructuralSchema { Type = "string", Format = "date-time" },
        _ => null,
    };

    private static StructuralSchema Reference(Type type, StructuralSchema target, string? description)
    {
        var reference = new StructuralSchema
        {
            Type = target.Type,
            Description = description,
            Properties = target.Properties,
            MapType = target.MapType,
            IntOrString = target.IntOrString,
        };
        References.Add(reference, type);
        return reference;
    }

    private static void ApplyFieldMetadata(PropertyInfo property, StructuralSchema schema)
    {
        schema.PatchMergeKey = property.GetCustomAttribute<PatchMergeKeyAttribute>()?.Key;
        schema.PatchStrategy = property.GetCustomAttribute<PatchStrategyAttribute>()?.Strategy;
        schema.ListType = property.GetCustomAttribute<ListTypeAttribute>()?.Type;
        schema.ListMapKeys = property.GetCustomAttribute<ListMapKeysAttribute>()?.Keys.ToList();
        schema.MapType = property.GetCustomAttribute<MapTypeAttribute>()?.Type ?? schema.MapType;
    }

    private static Type? DictionaryValueType(Type type) =>
        GenericInterface(type, typeof(IDictionary<,>)) is { } dictionary && dictionary.GetGenericArguments()[0] == typeof(string)
            ? dictionary.GetGenericArguments()[1]
            : null;

    private static Type? ListItemType(Type type) =>
        type.IsArray ? type.GetElementType() : GenericInterface(type, typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static Type? GenericInterface(Type type, Type definition) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == definition
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == definition);
}
