using System.Text.Json.Nodes;
using SuperKube.Objects;
using SuperKube.Registry;

namespace SuperKube.Resources;

/// <summary>
/// The finalizers that hold an object while it is deleted: the garbage collector's <c>orphan</c> and
/// <c>foregroundDeletion</c> (chosen by the propagation policy), and for namespaces the <c>spec.finalizers</c> the
/// namespace controller clears through <c>namespaces/NAME/finalize</c>.
/// </summary>
internal static class DeletionFinalizers
{
    public const string Orphan = "orphan";
    public const string Foreground = "foregroundDeletion";

    /// <summary>
    /// Sets the garbage-collection finalizers for the delete's propagation policy; returns true when they changed.
    /// Without an explicit policy an object keeps the one it already has, else gets the resource's default.
    /// </summary>
    public static bool ApplyPolicy(ResourceType type, JsonObject obj, DeleteOptions options)
    {
        var finalizers = ObjectMetadata.Finalizers(obj);
        var names = finalizers?.Select(f => f?.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string?)f : null).ToList() ?? [];
        if (options.PropagationPolicy is null && (names.Contains(Orphan) || names.Contains(Foreground)))
        {
            return false;
        }

        var wanted = (options.PropagationPolicy ?? DefaultPolicy(type)) switch
        {
            "Orphan" => Orphan,
            "Foreground" => Foreground,
            _ => null,
        };
        var kept = names.Where(n => n is not (Orphan or Foreground)).ToList();
        if (wanted is not null)
        {
            kept.Add(wanted);
        }

        if (kept.SequenceEqual(names))
        {
            return false;
        }

        if (kept.Count == 0)
        {
            ObjectMetadata.Of(obj).Remove("finalizers");
        }
        else
        {
            ObjectMetadata.Of(obj)["finalizers"] = new JsonArray([.. kept.Select(n => (JsonNode?)JsonValue.Create(n))]);
        }

        return true;
    }

    /// <summary>True while something still has to finish before a deleted object may be removed from storage.</summary>
    public static bool Pending(ResourceType type, JsonObject obj) =>
        ObjectMetadata.HasFinalizers(obj) || (IsNamespace(type) && (obj["spec"] as JsonObject)?["finalizers"] is JsonArray { Count: > 0 });

    /// <summary>What deleting marks besides the timestamp: a namespace turns <c>Terminating</c> at once.</summary>
    public static void MarkDeleting(ResourceType type, JsonObject obj)
    {
        if (IsNamespace(type))
        {
            var status = obj["status"] as JsonObject ?? [];
            status["phase"] = "Terminating";
            obj["status"] = status;
        }
    }

    /// <summary>
    /// The policy when the client names none: ReplicationControllers in core/v1 orphan their pods (kept from before
    /// garbage collection), everything else deletes its dependents in the background.
    /// </summary>
    private static string DefaultPolicy(ResourceType type) =>
        type is { Group: "", Plural: "replicationcontrollers" } ? "Orphan" : "Background";

    private static bool IsNamespace(ResourceType type) => type is { Group: "", Plural: "namespaces" };
}
