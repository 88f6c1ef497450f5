using System.Text.Json.Nodes;
using SuperKube.Registry;

namespace SuperKube.Validation;

/// <summary>Validation of metadata every kind gets: name rules per kind, namespace, labels, annotations.</summary>
internal static class ObjectMetaValidator
{
    /// <summary>Validates <c>metadata</c> of an object for a resource with the given naming rule and scope.</summary>
    public static IReadOnlyList<FieldError> Validate(JsonObject obj, NamePolicy namePolicy, bool namespaced) => [];
}
