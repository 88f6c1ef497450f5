using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SuperKube.Registry;

namespace SuperKube.Validation;

/// <summary>
/// Validation of metadata every kind gets (apimachinery's <c>ValidateObjectMeta</c>): name rules per kind, namespace,
/// labels, annotations, finalizers and owner references. The API layer fills the namespace from the URL before this
/// runs, so a missing namespace is not an error here.
/// </summary>
internal static class ObjectMetaValidator
{
    /// <summary>The most bytes all annotation keys and values may take together.</summary>
    public const int TotalAnnotationSizeLimit = 256 * 1024;

    /// <summary>Validates <c>metadata</c> of an object for a resource with the given naming rule and scope.</summary>
    public static IReadOnlyList<FieldError> Validate(JsonObject obj, NamePolicy namePolicy, bool namespaced)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var errors = new List<FieldError>();
        var node = obj["metadata"];
        if (node is not null and not JsonObject)
        {
            errors.Add(FieldError.Invalid("metadata", GoText.Value(node), "must be an object"));
            return errors;
        }

        var metadata = node as JsonObject;
        var name = JsonRead.String(metadata, "name") ?? "";
        var generateName = JsonRead.String(metadata, "generateName") ?? "";
        if (generateName.Length > 0)
        {
            AddEach(errors, NameRules.ForName(namePolicy, generateName, prefix: true), "metadata.generateName", generateName);
        }

        if (name.Length > 0)
        {
            AddEach(errors, NameRules.ForName(namePolicy, name, prefix: false), "metadata.name", name);
        }
        else if (generateName.Length == 0)
        {
            errors.Add(FieldError.Required("metadata.name", "name or generateName is required"));
        }

        var ns = JsonRead.String(metadata, "namespace") ?? "";
        if (ns.Length > 0)
        {
            if (namespaced)
            {
                AddEach(errors, NameRules.IsDns1123Label(ns), "metadata.namespace", ns);
            }
            else
            {
                errors.Add(FieldError.Forbidden("metadata.namespace", "not allowed on this type"));
            }
        }

        if (JsonRead.Integer(metadata, "generation") is < 0 and var generation)
        {
            errors.Add(FieldError.Invalid("metadata.generation", generation.ToString(), "must be greater than or equal to 0"));
        }

        errors.AddRange(ValidateLabels(JsonRead.Object(metadata, "labels"), "metadata.labels"));
        errors.AddRange(ValidateAnnotations(JsonRead.Object(metadata, "annotations"), "metadata.annotations"));
        errors.AddRange(ValidateFinalizers(JsonRead.Array(metadata, "finalizers"), "metadata.finalizers"));
        errors.AddRange(ValidateOwnerReferences(JsonRead.Array(metadata, "ownerReferences"), "metadata.ownerReferences"));
        return errors;
    }

    /// <summary>Label keys must be qualified names and values valid label values; errors point at the map itself.</summary>
    public static IEnumerable<FieldError> ValidateLabels(JsonObject? labels, string field)
    {
        foreach (var (key, value) in labels ?? [])
        {
            foreach (var message in NameRules.IsQualifiedName(key))
            {
                yield return FieldError.Invalid(field, GoText.Quote(key), message);
            }

            if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
            {
                yield return FieldError.Invalid(field, GoText.Value(value), "must be a string");
                continue;
            }

            var text = v.GetValue<string>();
            foreach (var message in NameRules.IsValidLabelValue(text))
            {
                yield return FieldError.Invalid(field, GoText.Quote(text), message);
            }
        }
    }

    /// <summary>Annotation keys are qualified names (case does not matter); all of them together must fit in 256 KiB.</summary>
    public static IEnumerable<FieldError> ValidateAnnotations(JsonObject? annotations, string field)
    {
        long size = 0;
        foreach (var (key, value) in annotations ?? [])
        {
            foreach (var message in NameRules.IsQualifiedName(key.ToLowerInvariant()))
            {
                yield return FieldError.Invalid(field, GoText.Quote(key), message);
            }

            size += Encoding.UTF8.GetByteCount(key) + Encoding.UTF8.GetByteCount(JsonRead.Scalar(value) ?? "");
        }

        if (size > TotalAnnotationSizeLimit)
        {
            yield return FieldError.TooLong(field, TotalAnnotationSizeLimit);
        }
    }

    private static IEnumerable<FieldError> ValidateFinalizers(JsonArray? finalizers, string field)
    {
        var names = finalizers?.Select(f => JsonRead.Scalar(f) ?? "").ToList() ?? [];
        foreach (var finalizer in names)
        {
            foreach (var message in NameRules.IsQualifiedName(finalizer))
            {
                yield return FieldError.Invalid(field, GoText.Quote(finalizer), message);
            }
        }

        if (names.Contains("orphan") && names.Contains("foregroundDeletion"))
        {
            yield return FieldError.Invalid(field, GoText.StringSlice(names), "finalizer orphan and foregroundDeletion cannot be both set");
        }
    }

    // Field paths have no index, as on the real server.
    private static IEnumerable<FieldError> ValidateOwnerReferences(JsonArray? references, string field)
    {
        string? controller = null;
        foreach (var reference in references ?? [])
        {
            var apiVersion = JsonRead.String(reference, "apiVersion") ?? "";
            var kind = JsonRead.String(reference, "kind") ?? "";
            var name = JsonRead.String(reference, "name") ?? "";
            var parts = apiVersion.Split('/');
            var version = parts.Length switch { 1 => parts[0], 2 => parts[1], _ => "" };
            if (version.Length == 0)
            {
                yield return FieldError.Invalid(field + ".apiVersion", GoText.Quote(apiVersion), "version must not be empty");
            }

            if (kind.Length == 0)
            {
                yield return FieldError.Invalid(field + ".kind", GoText.Quote(kind), "must not be empty");
            }

            if (name.Length == 0)
            {
                yield return FieldError.Invalid(field + ".name", GoText.Quote(name), "must not be empty");
            }

            var uid = JsonRead.String(reference, "uid") ?? "";
            if (uid.Length == 0)
            {
                yield return FieldError.Invalid(field + ".uid", GoText.Quote(uid), "must not be empty");
            }

            if (apiVersion == "v1" && kind == "Event")
            {
                yield return FieldError.Invalid(field, GoText.Value(reference), "/v1, Kind=Event is disallowed from being an owner");
            }

            if (JsonRead.Boolean(reference, "controller") == true)
            {
                var current = kind + "/" + name;
                if (controller is null)
                {
                    controller = current;
                }
                else
                {
                    yield return FieldError.Invalid(field, GoText.Value(references),
                        $"Only one reference can have Controller set to true. Found \"true\" in references for {controller} and {current}");
                }
            }
        }
    }

    private static void AddEach(List<FieldError> errors, IEnumerable<string> messages, string field, string value) =>
        errors.AddRange(messages.Select(m => FieldError.Invalid(field, GoText.Quote(value), m)));
}
