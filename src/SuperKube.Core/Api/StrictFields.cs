using System.Text.Json.Nodes;
using SuperKube.Apply;
using SuperKube.Registry;
using SuperKube.Resources;

namespace SuperKube.Api;

/// <summary>
/// The <c>fieldValidation</c> directive on request bodies: unknown and duplicate fields are rejected (Strict, 400),
/// returned as <c>Warning:</c> headers (Warn, the default) or ignored (Ignore).
/// </summary>
internal static class StrictFields
{
    /// <summary>
    /// The problems of a decoded body, as upstream words them: <c>unknown field "spec.foo"</c> and
    /// <c>duplicate field "metadata.name"</c>. <paramref name="existing"/> supplies the stored object, if any, whose
    /// undeclared fields are tolerated (it is only read when a body has undeclared fields).
    /// </summary>
    public static List<string> Problems(
        ResourceType type, JsonObject obj, IEnumerable<string> duplicates, Func<JsonObject?>? existing = null, bool apply = false)
    {
        var schema = SchemaShape.For(type);
        var unknown = UnknownFields.Find(obj, schema);
        if (unknown.Count > 0 && existing?.Invoke() is { } stored)
        {
            unknown = UnknownFields.Find(obj, schema, stored);
        }

        // Server-side apply reports undeclared fields as the typed conversion of structured-merge-diff words them.
        var texts = unknown.Select(u => apply ? $".{u}: field not declared in schema" : $"unknown field \"{u}\"");
        return [.. texts, .. duplicates.Select(d => $"duplicate field \"{d}\"")];
    }

    /// <summary>Applies the directive: throws 400 (with <paramref name="wrap"/> around the strict decoding error), warns, or ignores.</summary>
    public static void Enforce(IReadOnlyList<string> problems, WriteContext context, Func<string, string> wrap, string prefix = "strict decoding error: ")
    {
        if (problems.Count == 0 || context.FieldValidation == FieldValidation.Ignore)
        {
            return;
        }

        if (context.FieldValidation == FieldValidation.Strict)
        {
            throw ApiException.BadRequest(wrap(prefix + string.Join(", ", problems)));
        }

        foreach (var problem in problems.Where(p => !context.Warnings.Contains(p)))
        {
            context.Warnings.Add(problem);
        }
    }

    /// <summary>The wording of create and update: <c>Deployment in version "v1" cannot be handled as a Deployment: ...</c>.</summary>
    public static Func<string, string> DecodeError(ResourceType type) =>
        message => $"{type.Kind} in version \"{type.Version}\" cannot be handled as a {type.Kind}: {message}";
}
