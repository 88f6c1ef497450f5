using System.Globalization;
using System.Text.Json.Nodes;

namespace SuperKube.Validation;

/// <summary>Small field checks shared by the kind validators.</summary>
internal static class FieldChecks
{
    /// <summary>The error for a negative integer field <c>path.name</c>, if any.</summary>
    public static IEnumerable<FieldError> NonNegative(JsonObject? parent, string path, string name) =>
        JsonRead.Integer(parent, name) is < 0 and var value
            ? [FieldError.Invalid($"{path}.{name}", Text(value), "must be greater than or equal to 0")]
            : [];

    /// <summary>The error for a string field <c>path.name</c> that is set to a value outside <paramref name="supported"/>.</summary>
    public static IEnumerable<FieldError> OneOf(JsonObject? parent, string path, string name, params string[] supported) =>
        JsonRead.String(parent, name) is { } value && !supported.Contains(value)
            ? [FieldError.NotSupported($"{path}.{name}", GoText.Quote(value), supported)]
            : [];

    /// <summary>The error when a field differs from its old value (<c>field is immutable</c>).</summary>
    public static IEnumerable<FieldError> Immutable(JsonNode? value, JsonNode? oldValue, string field, Func<JsonNode?, string>? render = null) =>
        JsonNode.DeepEquals(value, oldValue) ? [] : [FieldError.Invalid(field, (render ?? GoText.Value)(value), "field is immutable")];

    /// <summary>An integer as the real server prints it.</summary>
    public static string Text(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "null";
}
