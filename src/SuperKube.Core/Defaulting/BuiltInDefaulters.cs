using System.Text.Json.Nodes;

namespace SuperKube.Defaulting;

/// <summary>The standard defaulting of built-in kinds, applied in place to the JSON object.</summary>
internal static class BuiltInDefaulters
{
    /// <summary>The defaulter for a built-in kind (group, kind), or null when the kind has no defaults.</summary>
    public static Action<JsonObject>? For(string group, string kind) => null;
}
