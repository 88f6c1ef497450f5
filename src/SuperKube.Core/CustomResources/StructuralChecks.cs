using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SuperKube.Validation;
using static SuperKube.CustomResources.JsonFields;

namespace SuperKube.CustomResources;

/// <summary>
/// Whether a CRD's openAPIV3Schema is structural, with the real server's messages (apiextensions' structural schema
/// invariants): every field has a type, arrays have items, the root is an object, metadata may only restrict name and
/// generateName, logic junctors only constrain values. apiextensions.k8s.io/v1 rejects CRDs that fail these.
/// </summary>
internal static class StructuralChecks
{
    private static readonly string[] Junctors = ["allOf", "anyOf", "oneOf"];

    private enum Level
    {
        Root,
        Item,
        Field,
    }

    /// <summary>The violations of a schema at <paramref name="path"/>, sorted like the real server's.</summary>
    public static IReadOnlyList<FieldError> Check(JsonObject schema, string path)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var errors = new List<FieldError>();
        Node(schema, Level.Root, path, errors);
        errors.Sort((a, b) => string.CompareOrdinal(a.ToString(), b.ToString()));
        return errors;
    }

    private static void Node(JsonObject s, Level level, string path, List<FieldError> errors)
    {
        var type = Text(s, "type");
        var preserve = s["x-kubernetes-preserve-unknown-fields"];
        var intOrString = Flag(s, "x-kubernetes-int-or-string");
        var embedded = Flag(s, "x-kubernetes-embedded-resource");

        if (type == "array" && s["items"] is null)
        {
            errors.Add(FieldError.Required(path + ".items", "must be specified"));
        }

        if (s["items"] is JsonObject items)
        {
            Node(items, Level.Item, path + ".items", errors);
        }
        else if (s["items"] is JsonArray)
        {
            errors.Add(FieldError.Forbidden(path + ".items", "items must be a schema object and not an array"));
        }

        var properties = s["properties"] as JsonObject;
        foreach (var (name, property) in properties ?? [])
        {
            if (property is JsonObject child)
            {
                Node(child, Level.Field, $"{path}.properties[{name}]", errors);
            }
        }

        switch (s["additionalProperties"])
        {
            case JsonObject additional:
                if (level == Level.Root)
                {
                    errors.Add(FieldError.Forbidden(path + ".additionalProperties", "must not be used at the root"));
                }

                if (properties is not null)
                {
                    errors.Add(FieldError.Forbidden(path + ".additionalProperties", "additionalProperties and properties are mutual exclusive"));
                }

                Node(additional, Level.Field, path + ".additionalProperties", errors);
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.False:
                errors.Add(FieldError.Forbidden(path + ".additionalProperties", "must not be false"));
                break;
        }

        if (preserve is JsonValue p && p.GetValueKind() == JsonValueKind.False)
        {
            errors.Add(FieldError.Invalid(path + ".x-kubernetes-preserve-unknown-fields", "false", "must be true or undefined"));
        }

        if (intOrString && Flag(s, "x-kubernetes-preserve-unknown-fields"))
        {
            errors.Add(FieldError.Invalid(path + ".x-kubernetes-preserve-unknown-fields", "true", "must be false if x-kubernetes-int-or-string is true"));
        }

        if (intOrString && embedded)
        {
            errors.Add(FieldError.Invalid(path + ".x-kubernetes-embedded-resource", "true", "must be false if x-kubernetes-int-or-string is true"));
        }

        if (intOrString && type is not null)
        {
            errors.Add(FieldError.Invalid(path + ".type", GoText.Quote(type), "must be empty if x-kubernetes-int-or-string is true"));
        }

        ListType(s, path, errors);
        foreach (var junctor in Junctors)
        {
            foreach (var (item, index) in JsonRead.Items(s[junctor] as JsonArray))
            {
                if (item is JsonObject nested && !(junctor == "anyOf" && intOrString))
                {
                    Nested(nested, $"{path}.{junctor}[{index}]", errors);
                }
            }
        }

        if (s["not"] is JsonObject not)
        {
            Nested(not, path + ".not", errors);
        }

        Pattern(s, path, errors);
        if (embedded && type != "object")
        {
            errors.Add(type is null
                ? FieldError.Required(path + ".type", "must be object if x-kubernetes-embedded-resource is true")
                : FieldError.Invalid(path + ".type", GoText.Quote(type), "must be object if x-kubernetes-embedded-resource is true"));
        }
        else if (type is null && !intOrString && !Flag(s, "x-kubernetes-preserve-unknown-fields"))
        {
            errors.Add(FieldError.Required(path + ".type", level switch
            {
                Level.Root => "must not be empty at the root",
                Level.Item => "must not be empty for specified array items",
                _ => "must not be empty for specified object fields",
            }));
        }

        if (embedded && s["additionalProperties"] is not null)
        {
            errors.Add(FieldError.Forbidden(path + ".additionalProperties", "must not be used if x-kubernetes-embedded-resource is set"));
        }

        if (level == Level.Root && type is not null && type != "object")
        {
            errors.Add(FieldError.Invalid(path + ".type", GoText.Quote(type), "must be object at the root"));
        }

        if (level == Level.Root || embedded)
        {
            TypeMeta(properties, path, errors);
        }

        if (level == Level.Root && properties?["metadata"] is JsonObject metadata && !OnlyNames(metadata))
        {
            errors.Add(FieldError.Forbidden($"{path}.properties[metadata]",
                "must not specify anything other than name and generateName, but metadata is implicitly specified"));
        }

        if (embedded && !Flag(s, "x-kubernetes-preserve-unknown-fields") && properties is not { Count: > 0 })
        {
            errors.Add(FieldError.Required(path + ".properties",
                "must not be empty if x-kubernetes-embedded-resource is true without x-kubernetes-preserve-unknown-fields"));
        }
    }

    private static void TypeMeta(JsonObject? properties, string path, List<FieldError> errors)
    {
        foreach (var (name, expected) in new[] { ("kind", "string"), ("apiVersion", "string"), ("metadata", "object") })
        {
            if (properties?[name] is JsonObject field && Text(field, "type") is var type && type != expected)
            {
                errors.Add(FieldError.Invalid($"{path}.properties[{name}].type", GoText.Quote(type ?? ""), "must be " + expected));
            }
        }
    }

    private static bool OnlyNames(JsonObject metadata) => metadata.All(p => p.Key switch
    {
        "type" or "description" => true,
        "properties" => p.Value is JsonObject props && props.All(n => n.Key is "name" or "generateName"),
        _ => false,
    });

    private static void ListType(JsonObject s, string path, List<FieldError> errors)
    {
        var listType = Text(s, "x-kubernetes-list-type");
        var keys = s["x-kubernetes-list-map-keys"] as JsonArray;
        if (listType is not null and not ("atomic" or "set" or "map"))
        {
            errors.Add(FieldError.NotSupported(path + ".x-kubernetes-list-type", GoText.Quote(listType), ["atomic", "set", "map"]));
        }

        if (listType is not null && Text(s, "type") != "array")
        {
            errors.Add(FieldError.Invalid(path + ".type", GoText.Quote(Text(s, "type") ?? ""), "must be array if x-kubernetes-list-type is specified"));
        }

        if (listType == "map" && keys is not { Count: > 0 })
        {
            errors.Add(FieldError.Required(path + ".x-kubernetes-list-map-keys", "must not be empty if x-kubernetes-list-type is map"));
        }

        if (keys is { Count: > 0 } && listType != "map")
        {
            errors.Add(FieldError.Forbidden(path + ".x-kubernetes-list-map-keys", "must only be used if x-kubernetes-list-type is map"));
        }

        if (listType == "map" && s["items"] is JsonObject items && Text(items, "type") != "object")
        {
            errors.Add(FieldError.Invalid(path + ".items.type", GoText.Quote(Text(items, "type") ?? ""), "must be object if parent array's x-kubernetes-list-type is map"));
        }
    }

    private static void Pattern(JsonObject s, string path, List<FieldError> errors)
    {
        if (Text(s, "pattern") is not { Length: > 0 } pattern)
        {
            return;
        }

        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException ex)
        {
            errors.Add(FieldError.Invalid(path + ".pattern", GoText.Quote(pattern), "must be a valid regular expression, but isn't: " + ex.Message));
        }
    }

    // Inside allOf/anyOf/oneOf/not only value constraints are allowed.
    private static void Nested(JsonObject v, string path, List<FieldError> errors)
    {
        foreach (var (key, detail) in new[]
        {
            ("type", "must be empty to be structural"),
            ("additionalProperties", "must be undefined to be structural"),
            ("default", "must be undefined to be structural"),
            ("title", "must be empty to be structural"),
            ("description", "must be empty to be structural"),
            ("nullable", "must be false to be structural"),
            ("x-kubernetes-preserve-unknown-fields", "must be false to be structural"),
            ("x-kubernetes-embedded-resource", "must be false to be structural"),
            ("x-kubernetes-int-or-string", "must be false to be structural"),
            ("x-kubernetes-list-map-keys", "must be empty to be structural"),
            ("x-kubernetes-list-type", "must be undefined to be structural"),
        })
        {
            if (v[key] is JsonNode value && value.GetValueKind() is not JsonValueKind.False and not JsonValueKind.Null)
            {
                errors.Add(FieldError.Forbidden($"{path}.{key}", detail));
            }
        }

        if (v["properties"] is JsonObject properties)
        {
            if (properties.ContainsKey("metadata"))
            {
                errors.Add(FieldError.Forbidden($"{path}.properties[metadata]", "must not be specified in a nested context"));
            }

            foreach (var (name, property) in properties)
            {
                if (property is JsonObject child)
                {
                    Nested(child, $"{path}.properties[{name}]", errors);
                }
            }
        }

        if (v["items"] is JsonObject items)
        {
            Nested(items, path + ".items", errors);
        }

        Pattern(v, path, errors);
    }
}
