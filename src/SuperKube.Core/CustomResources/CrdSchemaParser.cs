using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SuperKube.Schema;
using static SuperKube.CustomResources.JsonFields;

namespace SuperKube.CustomResources;

/// <summary>
/// Reads a CRD version's <c>schema.openAPIV3Schema</c> (JSON) into a <see cref="StructuralSchema"/>, the one schema
/// representation validation, pruning, defaulting and OpenAPI share. Logic junctors (anyOf, allOf, oneOf, not) are
/// not represented; <see cref="StructuralChecks"/> still checks their shape.
/// </summary>
internal static class CrdSchemaParser
{
    /// <summary>Parses a schema node; a missing or non-object node gives an empty schema.</summary>
    public static StructuralSchema Parse(JsonNode? node)
    {
        if (node is not JsonObject obj)
        {
            return new StructuralSchema();
        }

        var schema = new StructuralSchema
        {
            Type = Text(obj, "type"),
            Format = Text(obj, "format"),
            Description = Text(obj, "description"),
            Pattern = Text(obj, "pattern"),
            Minimum = Number(obj, "minimum"),
            Maximum = Number(obj, "maximum"),
            ExclusiveMinimum = Flag(obj, "exclusiveMinimum"),
            ExclusiveMaximum = Flag(obj, "exclusiveMaximum"),
            MultipleOf = Number(obj, "multipleOf"),
            MinLength = Integer(obj, "minLength"),
            MaxLength = Integer(obj, "maxLength"),
            MinItems = Integer(obj, "minItems"),
            MaxItems = Integer(obj, "maxItems"),
            UniqueItems = Flag(obj, "uniqueItems"),
            MinProperties = Integer(obj, "minProperties"),
            MaxProperties = Integer(obj, "maxProperties"),
            Nullable = Flag(obj, "nullable"),
            ListType = Text(obj, "x-kubernetes-list-type"),
            MapType = Text(obj, "x-kubernetes-map-type"),
            PreserveUnknownFields = Flag(obj, "x-kubernetes-preserve-unknown-fields"),
            IntOrString = Flag(obj, "x-kubernetes-int-or-string"),
            EmbeddedResource = Flag(obj, "x-kubernetes-embedded-resource"),
            Default = obj.TryGetPropertyValue("default", out var value) && value is not null ? value.DeepClone() : null,
        };

        if (obj["properties"] is JsonObject properties)
        {
            schema.Properties = new Dictionary<string, StructuralSchema>(StringComparer.Ordinal);
            foreach (var (name, property) in properties)
            {
                schema.Properties[name] = Parse(property);
            }
        }

        schema.AdditionalProperties = obj["additionalProperties"] switch
        {
            JsonObject additional => Parse(additional),
            JsonValue v when v.GetValueKind() == JsonValueKind.True => new StructuralSchema { PreserveUnknownFields = true },
            _ => null,
        };
        schema.Items = obj["items"] is JsonObject items ? Parse(items) : null;
        schema.Required = Strings(obj, "required");
        schema.ListMapKeys = Strings(obj, "x-kubernetes-list-map-keys");
        if (obj["enum"] is JsonArray values)
        {
            schema.Enum = [.. values.Select(v => (object?)v?.DeepClone())];
        }

        return schema;
    }

    private static double? Number(JsonObject obj, string name) =>
        obj[name] is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? GoNumber.ToDouble(v) : null;

    private static long? Integer(JsonObject obj, string name) =>
        obj[name] is JsonValue v && v.GetValueKind() == JsonValueKind.Number
            && long.TryParse(v.ToJsonString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;
}
