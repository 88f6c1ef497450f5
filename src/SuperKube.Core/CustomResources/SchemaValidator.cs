using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SuperKube.Schema;
using SuperKube.Validation;

namespace SuperKube.CustomResources;

/// <summary>
/// Validates a custom resource against its structural schema with the real server's field paths and messages
/// (kube-openapi's validators as apiextensions reports them): <c>spec.size: Invalid value: 20: spec.size in body
/// should be less than or equal to 10</c>. Metadata is validated separately, like every kind's.
/// </summary>
internal static class SchemaValidator
{
    private static readonly ConcurrentDictionary<string, Regex?> Patterns = new(StringComparer.Ordinal);

    /// <summary>All violations of <paramref name="obj"/>, in the order the real server lists them.</summary>
    public static IReadOnlyList<FieldError> Validate(JsonObject obj, StructuralSchema schema)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(schema);
        var errors = new List<FieldError>();
        ObjectFields(obj, schema, "", errors, root: true);
        ListSemantics.Validate(obj, schema, "", errors);
        return errors;
    }

    /// <summary>The violations of one value (a schema default, say) at <paramref name="path"/>.</summary>
    public static IReadOnlyList<FieldError> ValidateValue(JsonNode? value, StructuralSchema schema, string path)
    {
        var errors = new List<FieldError>();
        Node(value, schema, path, errors);
        return errors;
    }

    private static void Node(JsonNode? value, StructuralSchema s, string path, List<FieldError> errors)
    {
        var actual = GoNumber.TypeName(value);
        if (value is null)
        {
            if (!s.Nullable && (s.Type is not null || s.IntOrString))
            {
                errors.Add(TypeError(path, s.IntOrString ? "integer,string" : s.Type!, actual));
            }

            return;
        }

        if (s.IntOrString ? actual is not ("integer" or "string") : s.Type is not null && !TypeMatches(s.Type, value, actual))
        {
            errors.Add(TypeError(path, s.IntOrString ? "integer,string" : s.Type!, actual));
            return;
        }

        switch (value)
        {
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                StringChecks(v.GetValue<string>(), s, path, errors);
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.Number:
                NumberChecks(v, s, path, errors);
                break;
            case JsonArray array:
                ArrayChecks(array, s, path, errors);
                break;
        }

        if (s.Enum is { Count: > 0 } allowed && !allowed.Any(a => JsonNode.DeepEquals(a as JsonNode, value)))
        {
            errors.Add(FieldError.NotSupported(path, GoText.Value(value), allowed.Select(EnumText)));
        }

        if (value is JsonObject obj)
        {
            ObjectFields(obj, s, path, errors, root: false);
        }
    }

    private static void StringChecks(string text, StructuralSchema s, string path, List<FieldError> errors)
    {
        var length = text.EnumerateRunes().Count();
        if (s.MaxLength is { } max && length > max)
        {
            errors.Add(new FieldError("FieldValueTooLong", path, $"may not be more than {max} bytes", GoText.Quote(text)));
        }

        if (s.MinLength is { } min && length < min)
        {
            errors.Add(FieldError.Invalid(path, GoText.Quote(text), $"{path} in body should be at least {min} chars long"));
        }

        if (s.Pattern is { } pattern && Pattern(pattern) is { } regex && !regex.IsMatch(text))
        {
            errors.Add(FieldError.Invalid(path, GoText.Quote(text), $"{path} in body should match '{pattern}'"));
        }

        if (s.Format is { } format && !SchemaFormats.IsValid(format, text))
        {
            errors.Add(FieldError.TypeInvalid(path, GoText.Quote(text), $"{path} in body must be of type {format}: {GoText.Quote(text)}"));
        }
    }

    private static void NumberChecks(JsonValue v, StructuralSchema s, string path, List<FieldError> errors)
    {
        var number = GoNumber.ToDouble(v);
        var bad = GoNumber.Value(v);
        if (s.MultipleOf is { } factor && factor > 0 && !IsMultiple(v, factor))
        {
            errors.Add(FieldError.Invalid(path, bad, $"{path} in body should be a multiple of {GoNumber.Format(factor)}"));
        }

        if (s.Maximum is { } maximum && (s.ExclusiveMaximum ? number >= maximum : number > maximum))
        {
            var relation = s.ExclusiveMaximum ? "less than" : "less than or equal to";
            errors.Add(FieldError.Invalid(path, bad, $"{path} in body should be {relation} {GoNumber.Format(maximum)}"));
        }

        if (s.Minimum is { } minimum && (s.ExclusiveMinimum ? number <= minimum : number < minimum))
        {
            var relation = s.ExclusiveMinimum ? "greater than" : "greater than or equal to";
            errors.Add(FieldError.Invalid(path, bad, $"{path} in body should be {relation} {GoNumber.Format(minimum)}"));
        }
    }

    private static void ArrayChecks(JsonArray array, StructuralSchema s, string path, List<FieldError> errors)
    {
        if (s.MinItems is { } min && array.Count < min)
        {
            errors.Add(FieldError.Invalid(path, array.Count.ToString(CultureInfo.InvariantCulture), $"{path} in body should have at least {min} items"));
        }

        if (s.MaxItems is { } max && array.Count > max)
        {
            errors.Add(FieldError.TooMany(path, array.Count, max));
        }

        if (s.UniqueItems && HasDuplicates(array))
        {
            errors.Add(FieldError.Invalid(path, "\"\"", $"{path} in body shouldn't contain duplicates"));
        }

        if (s.Items is { } items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Node(array[i], items, $"{path}[{i}]", errors);
            }
        }
    }

    private static void ObjectFields(JsonObject obj, StructuralSchema s, string path, List<FieldError> errors, bool root)
    {
        if (s.MinProperties is { } min && obj.Count < min)
        {
            errors.Add(FieldError.Invalid(path, obj.Count.ToString(CultureInfo.InvariantCulture), $"{path} in body should have at least {min} properties"));
        }

        if (s.MaxProperties is { } max && obj.Count > max)
        {
            errors.Add(FieldError.TooMany(path, obj.Count, max));
        }

        foreach (var name in s.Required ?? [])
        {
            if (!obj.ContainsKey(name) && !(root && name is "apiVersion" or "kind" or "metadata"))
            {
                errors.Add(FieldError.Required(Child(path, name)));
            }
        }

        if (s.EmbeddedResource)
        {
            foreach (var name in new[] { "apiVersion", "kind" })
            {
                if (JsonFields.Text(obj, name) is not { Length: > 0 })
                {
                    errors.Add(FieldError.Required(Child(path, name), "must not be empty"));
                }
            }
        }

        foreach (var (name, value) in obj)
        {
            if (root && name == "metadata")
            {
                continue;
            }

            if (s.Properties is not null && s.Properties.TryGetValue(name, out var property))
            {
                Node(value, property, Child(path, name), errors);
            }
            else if (s.AdditionalProperties is { } additional)
            {
                Node(value, additional, Child(path, name), errors);
            }
        }
    }

    private static FieldError TypeError(string path, string expected, string actual) =>
        FieldError.TypeInvalid(path, GoText.Quote(actual), $"{path} in body must be of type {expected}: {GoText.Quote(actual)}");

    private static bool TypeMatches(string expected, JsonNode value, string actual) => expected switch
    {
        "object" => value is JsonObject,
        "array" => value is JsonArray,
        "string" => actual == "string",
        "boolean" => actual == "boolean",
        "integer" => actual == "integer" || (actual == "number" && GoNumber.ToDouble(value.AsValue()) % 1 == 0),
        "number" => actual is "integer" or "number",
        _ => true,
    };

    private static bool IsMultiple(JsonValue v, double factor)
    {
        try
        {
            return decimal.Parse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture) % (decimal)factor == 0;
        }
        catch (OverflowException)
        {
            return Math.Abs(Math.IEEERemainder(GoNumber.ToDouble(v), factor)) < 1e-9;
        }
    }

    private static bool HasDuplicates(JsonArray array)
    {
        for (var i = 0; i < array.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (JsonNode.DeepEquals(array[i], array[j]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static string EnumText(object? value) => value switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonNode node => node.ToJsonString(),
        _ => "null",
    };

    private static Regex? Pattern(string pattern) => Patterns.GetOrAdd(pattern, static p =>
    {
        try
        {
            return new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            return null;
        }
    });

    internal static string Child(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
