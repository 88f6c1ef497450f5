using System.Text.Json;
using System.Text.Json.Nodes;
using SuperKube.Model;
using SuperKube.Registry;
using SuperKube.Schema;

namespace SuperKube.OpenApi;

/// <summary>
/// Writes <see cref="StructuralSchema"/>s as OpenAPI v3 schema objects and collects <c>components.schemas</c> for one
/// document. Model types become components and are referenced the way the real server does it:
/// <c>{"allOf":[{"$ref":"#/components/schemas/..."}],"default":{},"description":"..."}</c>.
/// </summary>
internal sealed class OpenApiSchemaWriter
{
    private const string RefPrefix = "#/components/schemas/";

    private readonly SortedDictionary<string, JsonObject?> _components = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<GroupVersionKind>> _kinds = new(StringComparer.Ordinal);
    private readonly Queue<Type> _pending = new();

    /// <summary>A <c>$ref</c> to the component of a model type; the component is written by <see cref="Finish"/>.</summary>
    public JsonObject RefTo(Type modelType) => Ref(Require(modelType));

    /// <summary>A <c>$ref</c> to a component by name.</summary>
    public static JsonObject Ref(string component) => new() { ["$ref"] = RefPrefix + component };

    /// <summary>Makes sure the model type's component is written and returns its name.</summary>
    public string Require(Type modelType)
    {
        var name = ComponentNames.For(modelType);
        if (_components.TryAdd(name, null))
        {
            _pending.Enqueue(modelType);
        }

        return name;
    }

    /// <summary>Adds a component written by hand, unless one of that name exists.</summary>
    public void Add(string name, Func<JsonObject> create)
    {
        if (!_components.ContainsKey(name))
        {
            _components[name] = create();
        }
    }

    /// <summary>Marks a component as the schema of a kind (x-kubernetes-group-version-kind).</summary>
    public void AddKind(string component, GroupVersionKind kind)
    {
        if (!_kinds.TryGetValue(component, out var list))
        {
            _kinds[component] = list = [];
        }

        if (!list.Contains(kind))
        {
            list.Add(kind);
        }
    }

    /// <summary>The schema of one field, a reference for model types and inline otherwise.</summary>
    public JsonObject Write(StructuralSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        JsonObject result;
        if (ModelSchemaBuilder.ReferencedType(schema) is { } modelType)
        {
            result = new JsonObject { ["allOf"] = new JsonArray(RefTo(modelType)) };
            if (!schema.IntOrString)
            {
                result["default"] = new JsonObject();
            }

            if (schema.Description is not null)
            {
                result["description"] = schema.Description;
            }
        }
        else
        {
            result = Inline(schema);
        }

        WriteFieldExtensions(result, schema);
        return result;
    }

    /// <summary>Writes every pending component and returns the <c>components.schemas</c> object.</summary>
    public JsonObject Finish()
    {
        while (_pending.TryDequeue(out var type))
        {
            _components[ComponentNames.For(type)] = Component(type);
        }

        var schemas = new JsonObject();
        foreach (var (name, schema) in _components)
        {
            var component = schema ?? new JsonObject();
            if (_kinds.TryGetValue(name, out var kinds))
            {
                component["x-kubernetes-group-version-kind"] = new JsonArray(kinds.Select(GroupVersionKindNode).ToArray());
            }

            schemas[name] = component;
        }

        return schemas;
    }

    /// <summary>The <c>{"group":..,"kind":..,"version":..}</c> object used by the x-kubernetes-group-version-kind extension.</summary>
    public static JsonObject GroupVersionKindNode(GroupVersionKind kind) =>
        new() { ["group"] = kind.Group, ["kind"] = kind.Kind, ["version"] = kind.Version };

    private JsonObject Component(Type type)
    {
        if (type == typeof(IntOrString))
        {
            return new JsonObject
            {
                ["description"] = ModelSchemaBuilder.DescriptionOf(type),
                ["format"] = "int-or-string",
                ["type"] = "string",
            };
        }

        return Inline(ModelSchemaBuilder.For(type));
    }

    private JsonObject Inline(StructuralSchema schema)
    {
        var result = new JsonObject();
        Set(result, "description", schema.Description);
        Set(result, "type", schema.Type);
        Set(result, "format", schema.Format);
        if (schema.Nullable)
        {
            result["nullable"] = true;
        }

        if (schema.Enum is { Count: > 0 })
        {
            result["enum"] = new JsonArray(schema.Enum.Select(ToNode).ToArray());
        }

        if (schema.Default is not null)
        {
            result["default"] = ToNode(schema.Default);
        }

        WriteConstraints(result, schema);
        if (schema.Items is not null)
        {
            result["items"] = Write(schema.Items);
        }

        if (schema.Properties is { Count: > 0 })
        {
            var properties = new JsonObject();
            foreach (var (name, property) in schema.Properties)
            {
                properties[name] = Write(property);
            }

            result["properties"] = properties;
        }

        if (schema.AdditionalProperties is not null)
        {
            result["additionalProperties"] = Write(schema.AdditionalProperties);
        }

        if (schema.Required is { Count: > 0 })
        {
            result["required"] = new JsonArray(schema.Required.Select(r => (JsonNode?)r).ToArray());
        }

        if (schema.IntOrString)
        {
            result["anyOf"] = new JsonArray(new JsonObject { ["type"] = "integer" }, new JsonObject { ["type"] = "string" });
            result["x-kubernetes-int-or-string"] = true;
        }

        if (schema.PreserveUnknownFields)
        {
            result["x-kubernetes-preserve-unknown-fields"] = true;
        }

        if (schema.EmbeddedResource)
        {
            result["x-kubernetes-embedded-resource"] = true;
        }

        Set(result, "x-kubernetes-map-type", schema.MapType);
        return result;
    }

    private static void WriteConstraints(JsonObject result, StructuralSchema schema)
    {
        Set(result, "minimum", schema.Minimum);
        Set(result, "maximum", schema.Maximum);
        if (schema.ExclusiveMinimum)
        {
            result["exclusiveMinimum"] = true;
        }

        if (schema.ExclusiveMaximum)
        {
            result["exclusiveMaximum"] = true;
        }

        Set(result, "multipleOf", schema.MultipleOf);
        Set(result, "minLength", schema.MinLength);
        Set(result, "maxLength", schema.MaxLength);
        Set(result, "pattern", schema.Pattern);
        Set(result, "minItems", schema.MinItems);
        Set(result, "maxItems", schema.MaxItems);
        if (schema.UniqueItems)
        {
            result["uniqueItems"] = true;
        }

        Set(result, "minProperties", schema.MinProperties);
        Set(result, "maxProperties", schema.MaxProperties);
    }

    private static void WriteFieldExtensions(JsonObject result, StructuralSchema schema)
    {
        if (schema.ListMapKeys is { Count: > 0 })
        {
            result["x-kubernetes-list-map-keys"] = new JsonArray(schema.ListMapKeys.Select(k => (JsonNode?)k).ToArray());
        }

        Set(result, "x-kubernetes-list-type", schema.ListType);
        Set(result, "x-kubernetes-patch-merge-key", schema.PatchMergeKey);
        Set(result, "x-kubernetes-patch-strategy", schema.PatchStrategy);
    }

    private static void Set(JsonObject target, string name, string? value)
    {
        if (value is not null)
        {
            target[name] = value;
        }
    }

    private static void Set(JsonObject target, string name, double? value)
    {
        if (value is { } number)
        {
            target[name] = number;
        }
    }

    private static void Set(JsonObject target, string name, long? value)
    {
        if (value is { } number)
        {
            target[name] = number;
        }
    }

    private static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        JsonElement element => JsonNode.Parse(element.GetRawText()),
        string text => JsonValue.Create(text),
        bool flag => JsonValue.Create(flag),
        long number => JsonValue.Create(number),
        int number => JsonValue.Create(number),
        double number => JsonValue.Create(number),
        decimal number => JsonValue.Create(number),
        _ => JsonValue.Create(value.ToString()),
    };
}
