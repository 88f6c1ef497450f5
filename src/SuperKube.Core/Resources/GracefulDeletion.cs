using System.Text.Json.Nodes;
using SuperKube.Registry;

namespace SuperKube.Resources;

/// <summary>
/// How long an object stays (with deletionTimestamp set) before it is removed. Only pods bound to a node and not
/// yet terminated get a grace period: the node agent stops their containers and then deletes them for good.
/// </summary>
internal static class GracefulDeletion
{
    private const long DefaultPodGraceSeconds = 30;

    public static long GracePeriod(ResourceType type, JsonObject obj, DeleteOptions options)
    {
        if (type is not { Group: "", Plural: "pods" })
        {
            return 0;
        }

        var spec = obj["spec"] as JsonObject;
        var node = spec?["nodeName"] is JsonValue n && n.TryGetValue<string>(out var name) ? name : "";
        var phase = (obj["status"] as JsonObject)?["phase"] is JsonValue ph && ph.TryGetValue<string>(out var text) ? text : "";
        if (node.Length == 0 || phase is "Succeeded" or "Failed")
        {
            return 0;
        }

        var requested = options.GracePeriodSeconds
            ?? (spec?["terminationGracePeriodSeconds"] is JsonValue g && g.TryGetValue<long>(out var seconds) ? seconds : DefaultPodGraceSeconds);
        return Math.Max(0, requested);
    }

    /// <summary>True while a grace period runs (deletionGracePeriodSeconds above 0): only the node agent ends it.</summary>
    public static bool InProgress(JsonObject obj) =>
        (obj["metadata"] as JsonObject)?["deletionGracePeriodSeconds"] is JsonValue v && v.TryGetValue<long>(out var seconds) && seconds > 0;
}
