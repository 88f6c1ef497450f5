using System.Text.Json.Nodes;
using SuperKube.Schema;
using SuperKube.Validation;

namespace SuperKube.CustomResources.Cel;

/// <summary>
/// The compiled <c>x-kubernetes-validations</c> of a CRD version, as a tree beside its <see cref="StructuralSchema"/>
/// holding only the branches that lead to rules. Built once when the version is served, so requests only evaluate.
/// </summary>
internal sealed class CelSchemaNode
{
    private CelSchemaNode(StructuralSchema schema) => Schema = schema;

    /// <summary>The structural schema of this node (types for the JSON-to-CEL conversion).</summary>
    public StructuralSchema Schema { get; }

    public IReadOnlyList<CelRule> Rules { get; private set; } = [];

    public Dictionary<string, CelSchemaNode>? Properties { get; private set; }

    public CelSchemaNode? AdditionalProperties { get; private set; }

    public CelSchemaNode? Items { get; private set; }

    /// <summary>The child node for a property or map key, or null when nothing below it has rules.</summary>
    public CelSchemaNode? Child(string name) =>
        Properties is not null && Properties.TryGetValue(name, out var child) ? child : AdditionalProperties;

    /// <summary>The rule tree of a version's openAPIV3Schema, or null when it has no rules at all.</summary>
    public static CelSchemaNode? Build(JsonObject? raw, StructuralSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (raw is null)
        {
            return null;
        }

        var node = new CelSchemaNode(schema)
        {
            Rules = raw[CelRuleCompiler.Extension] is JsonArray ? CelRuleCompiler.Compile(raw, "", new List<FieldError>()) : [],
            Items = raw["items"] is JsonObject items && schema.Items is not null ? Build(items, schema.Items) : null,
            AdditionalProperties = raw["additionalProperties"] is JsonObject additional && schema.AdditionalProperties is not null
                ? Build(additional, schema.AdditionalProperties)
                : null,
        };
        foreach (var (name, property) in raw["properties"] as JsonObject ?? [])
        {
            if (property is JsonObject child && schema.Properties?.TryGetValue(name, out var childSchema) == true
                && Build(child, childSchema) is { } built)
            {
                (node.Properties ??= new(StringComparer.Ordinal))[name] = built;
            }
        }

        return node.Rules.Count > 0 || node.Properties is not null || node.Items is not null || node.AdditionalProperties is not null ? node : null;
    }
}
