using System.Text.Json.Nodes;
using SuperKube.Schema;

namespace SuperKube.Patching;

/// <summary>The directive keys of strategic merge patch and the patch-strategy tests on a field's schema.</summary>
internal static class SmpDirectives
{
    public const string Patch = "$patch";
    public const string RetainKeys = "$retainKeys";
    public const string SetElementOrderPrefix = "$setElementOrder";
    public const string DeleteFromPrimitiveListPrefix = "$deleteFromPrimitiveList";

    public const string Replace = "replace";
    public const string Delete = "delete";
    public const string Merge = "merge";

    /// <summary>The field a <c>$prefix/field</c> key refers to, or null when the key does not have that form.</summary>
    public static string? FieldOf(string key, string prefix) =>
        key.Length > prefix.Length + 1 && key.StartsWith(prefix, StringComparison.Ordinal) && key[prefix.Length] == '/'
            ? key[(prefix.Length + 1)..]
            : null;

    /// <summary>True for keys the engine consumes itself and never copies into the result.</summary>
    public static bool IsDirectiveKey(string key) =>
        key is Patch or RetainKeys
        || key.StartsWith(SetElementOrderPrefix, StringComparison.Ordinal)
        || key.StartsWith(DeleteFromPrimitiveListPrefix, StringComparison.Ordinal);

    /// <summary>The value of a <c>$patch</c> directive, which must be a string.</summary>
    public static string PatchValue(JsonNode? value) =>
        value is JsonValue scalar && scalar.TryGetValue<string>(out var text)
            ? text
            : throw PatchException.BadRequest($"the value of {Patch} must be a string, got {value?.ToJsonString() ?? "null"}");

    /// <summary>Lists of this field merge element by element (patch strategy contains <c>merge</c>).</summary>
    public static bool MergesList(StructuralSchema? field) => HasStrategy(field, Merge);

    /// <summary>Maps of this field are replaced whole (patch strategy contains <c>replace</c>).</summary>
    public static bool ReplacesMap(StructuralSchema? field) => HasStrategy(field, Replace);

    private static bool HasStrategy(StructuralSchema? field, string strategy) =>
        field?.PatchStrategy is { } value
        && value.Split(',', StringSplitOptions.TrimEntries).Contains(strategy, StringComparer.Ordinal);
}
