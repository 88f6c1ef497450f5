using System.Globalization;
using System.Text.Json.Nodes;

namespace SuperKube.Controllers.Namespaces;

/// <summary>The conditions a terminating namespace reports, with the types, reasons and messages of the real server.</summary>
internal static class NamespaceConditions
{
    /// <summary>Sets the deletion conditions for <paramref name="content"/>; returns true when any changed.</summary>
    public static bool Apply(JsonObject status, NamespaceContent content, DateTimeOffset now)
    {
        var conditions = status["conditions"] as JsonArray ?? [];
        status["conditions"] = conditions;
        var remaining = string.Join(", ", content.Resources.Select(r => $"{r.Key} has {Count(r.Value)} resource instances"));
        var finalizers = string.Join(", ", content.Finalizers.Select(f => $"{f.Key} in {Count(f.Value)} resource instances"));
        var changed = false;
        changed |= Set(conditions, "NamespaceDeletionDiscoveryFailure", false, "ResourcesDiscovered", "All resources successfully discovered", now);
        changed |= Set(conditions, "NamespaceDeletionGroupVersionParsingFailure", false, "ParsedGroupVersions", "All legacy kube types successfully parsed", now);
        changed |= Set(conditions, "NamespaceDeletionContentFailure", false, "ContentDeleted",
            "All content successfully deleted, may be waiting on finalization", now);
        changed |= content.IsEmpty
            ? Set(conditions, "NamespaceContentRemaining", false, "ContentRemoved", "All content successfully removed", now)
            : Set(conditions, "NamespaceContentRemaining", true, "SomeResourcesRemain", "Some resources are remaining: " + remaining, now);
        changed |= content.Finalizers.Count == 0
            ? Set(conditions, "NamespaceFinalizersRemaining", false, "ContentHasNoFinalizers", "All content-preserving finalizers finished", now)
            : Set(conditions, "NamespaceFinalizersRemaining", true, "SomeFinalizersRemain",
                "Some content in the namespace has finalizers remaining: " + finalizers, now);
        return changed;
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static bool Set(JsonArray conditions, string type, bool value, string reason, string message, DateTimeOffset now)
    {
        var text = value ? "True" : "False";
        var existing = conditions.OfType<JsonObject>().FirstOrDefault(c => (string?)c["type"] == type);
        if (existing is not null && (string?)existing["status"] == text && (string?)existing["reason"] == reason && (string?)existing["message"] == message)
        {
            return false;
        }

        var transition = existing is not null && (string?)existing["status"] == text
            ? existing["lastTransitionTime"]?.DeepClone()
            : Objects.ObjectMetadata.Timestamp(now);
        var condition = new JsonObject
        {
            ["type"] = type,
            ["status"] = text,
            ["lastTransitionTime"] = transition,
            ["reason"] = reason,
            ["message"] = message,
        };
        if (existing is null)
        {
            conditions.Add(condition);
        }
        else
        {
            conditions[conditions.IndexOf(existing)] = condition;
        }

        return true;
    }
}
