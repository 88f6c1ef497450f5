using System.Text.Json.Nodes;
using SuperKube.CustomResources.Cel;
using SuperKube.Objects;
using SuperKube.Validation;

namespace SuperKube.CustomResources;

/// <summary>
/// Validation of apiextensions.k8s.io/v1 CustomResourceDefinitions: the name matches plural and group, names are
/// DNS labels, exactly one storage version, unique version names, structural schemas (required in v1), valid
/// printer columns and scale paths; scope is immutable.
/// </summary>
internal static class CrdValidator
{
    private static readonly string[] Scopes = ["Cluster", "Namespaced"];
    private static readonly string[] ColumnTypes = ["integer", "number", "string", "boolean", "date"];
    private static readonly string[] Strategies = ["None", "Webhook"];

    public static IReadOnlyList<FieldError> Validate(JsonObject crd, JsonObject? old)
    {
        ArgumentNullException.ThrowIfNull(crd);
        var errors = new List<FieldError>();
        var spec = crd["spec"] as JsonObject;
        var group = JsonFields.Text(spec, "group") ?? "";
        var names = spec?["names"];
        var plural = JsonFields.Text(names, "plural") ?? "";
        var name = ObjectMetadata.Name(crd);
        if (name != $"{plural}.{group}")
        {
            errors.Add(FieldError.Invalid("metadata.name", GoText.Quote(name), "must be spec.names.plural+\".\"+spec.group"));
        }

        Group(group, errors);
        var scope = JsonFields.Text(spec, "scope");
        if (scope is null)
        {
            errors.Add(FieldError.Required("spec.scope"));
        }
        else if (!Scopes.Contains(scope))
        {
            errors.Add(FieldError.NotSupported("spec.scope", GoText.Quote(scope), Scopes));
        }

        Names(names, errors);
        Versions(spec?["versions"] as JsonArray, errors);
        if (JsonFields.Text(spec?["conversion"], "strategy") is { } strategy && !Strategies.Contains(strategy))
        {
            errors.Add(FieldError.NotSupported("spec.conversion.strategy", GoText.Quote(strategy), Strategies));
        }

        if (old is not null && JsonFields.Text(old["spec"], "scope") is { } oldScope && scope is not null && scope != oldScope)
        {
            errors.Add(FieldError.Invalid("spec.scope", GoText.Quote(scope), "field is immutable"));
        }

        return errors;
    }

    private static void Group(string group, List<FieldError> errors)
    {
        if (group.Length == 0)
        {
            errors.Add(FieldError.Required("spec.group"));
            return;
        }

        errors.AddRange(NameRules.IsDns1123Subdomain(group).Select(m => FieldError.Invalid("spec.group", GoText.Quote(group), m)));
        if (!group.Contains('.', StringComparison.Ordinal))
        {
            errors.Add(FieldError.Invalid("spec.group", GoText.Quote(group), "should be a domain with at least one dot"));
        }
    }

    private static void Names(JsonNode? names, List<FieldError> errors)
    {
        foreach (var field in new[] { "plural", "singular" })
        {
            var value = JsonFields.Text(names, field) ?? "";
            if (value.Length == 0 && field == "plural")
            {
                errors.Add(FieldError.Required("spec.names.plural"));
            }
            else if (value.Length > 0)
            {
                errors.AddRange(NameRules.IsDns1035Label(value).Select(m => FieldError.Invalid("spec.names." + field, GoText.Quote(value), m)));
            }
        }

        foreach (var shortName in JsonFields.Strings(names, "shortNames") ?? [])
        {
            errors.AddRange(NameRules.IsDns1035Label(shortName).Select(m => FieldError.Invalid("spec.names.shortNames", GoText.Quote(shortName), m)));
        }

        var kind = JsonFields.Text(names, "kind") ?? "";
        if (kind.Length == 0)
        {
            errors.Add(FieldError.Required("spec.names.kind"));
        }
        else
        {
            errors.AddRange(NameRules.IsDns1035Label(kind.ToLowerInvariant())
                .Select(m => FieldError.Invalid("spec.names.kind", GoText.Quote(kind), m + " (in lower case)")));
        }

        if (JsonFields.Text(names, "listKind") is { Length: > 0 } listKind && listKind == kind)
        {
            errors.Add(FieldError.Invalid("spec.names.listKind", GoText.Quote(listKind), "kind and listKind cannot be the same"));
        }
    }

    private static void Versions(JsonArray? versions, List<FieldError> errors)
    {
        var list = versions ?? [];
        if (list.Count(v => JsonFields.Flag(v, "storage")) != 1)
        {
            errors.Add(FieldError.Invalid("spec.versions", GoText.Value(versions), "must have exactly one version marked as storage version"));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (version, index) in JsonRead.Items(list))
        {
            var path = $"spec.versions[{index}]";
            var name = JsonFields.Text(version, "name") ?? "";
            errors.AddRange(NameRules.IsDns1035Label(name).Select(m => FieldError.Invalid(path + ".name", GoText.Quote(name), m)));
            if (!seen.Add(name))
            {
                errors.Add(FieldError.Invalid(path + ".name", GoText.Quote(name), "must be unique"));
            }

            Schema(version?["schema"]?["openAPIV3Schema"], path + ".schema.openAPIV3Schema", errors);
            Columns(version?["additionalPrinterColumns"] as JsonArray, path + ".additionalPrinterColumns", errors);
            Scale(version?["subresources"]?["scale"], path + ".subresources.scale", errors);
        }
    }

    private static void Schema(JsonNode? schema, string path, List<FieldError> errors)
    {
        if (schema is not JsonObject obj)
        {
            errors.Add(FieldError.Required(path, "schemas are required"));
            return;
        }

        errors.AddRange(StructuralChecks.Check(obj, path));
        NodeChecks(obj, path, errors);
    }

    // The checks made at every schema node: no uniqueItems, compilable x-kubernetes-validations.
    private static void NodeChecks(JsonObject schema, string path, List<FieldError> errors)
    {
        UniqueItems(schema, path, errors);
        CelRuleCompiler.Compile(schema, path, errors);
        foreach (var (name, property) in schema["properties"] as JsonObject ?? [])
        {
            if (property is JsonObject child)
            {
                NodeChecks(child, $"{path}.properties[{name}]", errors);
            }
        }

        foreach (var key in new[] { "items", "additionalProperties" })
        {
            if (schema[key] is JsonObject child)
            {
                NodeChecks(child, $"{path}.{key}", errors);
            }
        }
    }

    // uniqueItems is refused anywhere in a v1 schema: its check is quadratic.
    private static void UniqueItems(JsonObject schema, string path, List<FieldError> errors)
    {
        if (JsonFields.Flag(schema, "uniqueItems"))
        {
            errors.Add(FieldError.Forbidden(path + ".uniqueItems", "uniqueItems cannot be set to true since the runtime complexity becomes quadratic"));
        }
    }

    private static void Columns(JsonArray? columns, string path, List<FieldError> errors)
    {
        foreach (var (column, index) in JsonRead.Items(columns))
        {
            var at = $"{path}[{index}]";
            if (JsonFields.Text(column, "name") is not { Length: > 0 })
            {
                errors.Add(FieldError.Required(at + ".name"));
            }

            var type = JsonFields.Text(column, "type") ?? "";
            if (!ColumnTypes.Contains(type))
            {
                errors.Add(FieldError.NotSupported(at + ".type", GoText.Quote(type), ColumnTypes));
            }

            var jsonPath = JsonFields.Text(column, "jsonPath") ?? "";
            if (jsonPath.Length == 0)
            {
                errors.Add(FieldError.Required(at + ".jsonPath"));
            }
            else if (SimpleJsonPath.TryParse(jsonPath) is null)
            {
                errors.Add(FieldError.Invalid(at + ".jsonPath", GoText.Quote(jsonPath), "must be a simple json path starting with ."));
            }
        }
    }

    private static void Scale(JsonNode? scale, string path, List<FieldError> errors)
    {
        if (scale is null)
        {
            return;
        }

        foreach (var (field, under) in new[] { ("specReplicasPath", ".spec."), ("statusReplicasPath", ".status."), ("labelSelectorPath", ".") })
        {
            var value = JsonFields.Text(scale, field);
            if (value is null)
            {
                if (field != "labelSelectorPath")
                {
                    errors.Add(FieldError.Required($"{path}.{field}"));
                }

                continue;
            }

            if (!value.StartsWith(under, StringComparison.Ordinal) || SimpleJsonPath.TryParse(value) is not { IsFieldPath: true })
            {
                var where = under == "." ? "" : " under " + under.TrimEnd('.');
                errors.Add(FieldError.Invalid($"{path}.{field}", GoText.Quote(value), $"should be a json path{where}"));
            }
        }
    }
}
