using System.Globalization;
using System.Text.Json.Nodes;

namespace SuperKube.Objects;

/// <summary>Read and write access to <c>metadata</c> fields of an object held as JSON.</summary>
internal static class ObjectMetadata
{
    /// <summary>The metadata object, created when missing or not an object.</summary>
    public static JsonObject Of(JsonObject obj)
    {
        if (obj["metadata"] is JsonObject meta)
        {
            return meta;
        }

        meta = new JsonObject();
        obj["metadata"] = meta;
        return meta;
    }

    public static string Name(JsonObject obj) => Str(obj, "name");

    public static string Namespace(JsonObject obj) => Str(obj, "namespace");

    public static string Uid(JsonObject obj) => Str(obj, "uid");

    public static string ResourceVersion(JsonObject obj) => Str(obj, "resourceVersion");

    public static bool IsDeleting(JsonObject obj) => (obj["metadata"] as JsonObject)?["deletionTimestamp"] is not null;

    public static JsonArray? Finalizers(JsonObject obj) => (obj["metadata"] as JsonObject)?["finalizers"] as JsonArray;

    public static bool HasFinalizers(JsonObject obj) => Finalizers(obj) is { Count: > 0 };

    /// <summary>Parses metadata.resourceVersion; null when absent or empty, and false when not a number.</summary>
    public static bool TryResourceVersion(JsonObject obj, out long? revision)
    {
        var text = ResourceVersion(obj);
        revision = null;
        if (text.Length == 0)
        {
            return true;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            revision = value;
            return true;
        }

        return false;
    }

    /// <summary>Formats a time the way Kubernetes serialises metav1.Time: RFC 3339 in UTC, seconds precision.</summary>
    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Str(JsonObject obj, string field) =>
        (obj["metadata"] as JsonObject)?[field] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";
}
