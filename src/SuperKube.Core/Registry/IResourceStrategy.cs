using System.Text.Json.Nodes;
using SuperKube.Validation;

namespace SuperKube.Registry;

/// <summary>
/// Per-kind behaviour of writes, in the spirit of k8s.io/apiserver strategies: defaulting, validation and the
/// preparation that keeps the spec/status split and the generation right. Works on the JSON object so fields
/// the code does not model are kept.
/// </summary>
public interface IResourceStrategy
{
    /// <summary>True when the resource has a <c>status</c> subresource: the main endpoint then ignores status changes
    /// and the status endpoint ignores everything else.</summary>
    bool HasStatus { get; }

    /// <summary>Fills defaults (the real server's defaulting functions) in place.</summary>
    void Default(JsonObject obj);

    /// <summary>
    /// Drops fields the resource's schema does not declare (custom resources) and returns their paths, such as
    /// <c>spec.extra</c>, so the writer can reject or warn per <c>fieldValidation</c>. Built-in kinds keep every field.
    /// </summary>
    IReadOnlyList<string> Prune(JsonObject obj) => [];

    /// <summary>Validates a new object (old is null) or an update. Returns every failure, empty when valid.</summary>
    IReadOnlyList<FieldError> Validate(JsonObject obj, JsonObject? old);
}
