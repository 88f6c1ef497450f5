using System.Text.Json.Nodes;

namespace SuperKube.Selection;

/// <summary>Per-kind field-selector fields of built-ins (beyond metadata.name and metadata.namespace).</summary>
internal static class BuiltInFieldSelectors
{
    public static IReadOnlyDictionary<string, Func<JsonObject, string?>> For(string group, string kind) =>
        new Dictionary<string, Func<JsonObject, string?>>();
}
