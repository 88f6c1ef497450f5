using System.Text.Json.Nodes;
using SuperKube.Admission;
using SuperKube.Api;

namespace SuperKube.Security.Nodes;

/// <summary>
/// Kubernetes' NodeRestriction admission plugin: a node may change only its own Node object (without touching its
/// taints or the labels under <c>node-restriction.kubernetes.io/</c>), the status of pods bound to it, its own Lease,
/// may create only mirror pods bound to itself that reference no other objects, and may delete only pods bound to it.
/// Writes by other users pass untouched. Refusals are 403 with upstream's messages.
/// </summary>
internal sealed class NodeRestrictionAdmission : IValidatingAdmissionPlugin
{
    public const string RestrictedLabelPrefix = "node-restriction.kubernetes.io";
    public const string MirrorPodAnnotation = "kubernetes.io/config.mirror";

    public string Name => "NodeRestriction";

    public ValueTask ValidateAsync(AdmissionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (NodeIdentity.NameOf(request.User) is not { } node)
        {
            return ValueTask.CompletedTask;
        }

        if (node.Length == 0)
        {
            throw Forbidden(request, $"could not determine node from user \"{request.User.Name}\"");
        }

        if (Check(node, request) is { } why)
        {
            throw Forbidden(request, why);
        }

        return ValueTask.CompletedTask;
    }

    private static string? Check(string node, AdmissionRequest request) => (request.Resource.Group, request.Resource.Plural) switch
    {
        ("", "nodes") => CheckNode(node, request),
        ("", "pods") when request.Subresource == "status" => request.Operation != AdmissionOperation.Update ? $"unexpected operation {Operation(request)}"
            : NodeNameOf(request.OldObject) != node ? $"node \"{node}\" can only update pod status for pods with spec.nodeName set to itself"
            : null,
        ("", "pods") when request.Subresource.Length == 0 => request.Operation switch
        {
            AdmissionOperation.Create => CheckMirrorPod(node, request.Object ?? []),
            AdmissionOperation.Delete => NodeNameOf(request.OldObject) != node ? $"node \"{node}\" can only delete pods with spec.nodeName set to itself" : null,
            _ => $"unexpected operation {Operation(request)}, node \"{node}\" can only create and delete mirror pods",
        },
        ("coordination.k8s.io", "leases") => request.Namespace != NodeAuthorizer.LeaseNamespace
            ? $"can only access leases in the \"{NodeAuthorizer.LeaseNamespace}\" system namespace"
            : request.Name != node ? "can only access node lease with the same name as the requesting node" : null,
        _ => null,
    };

    private static string? CheckNode(string node, AdmissionRequest request)
    {
        if (request.Name != node)
        {
            return $"node \"{node}\" is not allowed to modify node \"{request.Name}\"";
        }

        if (request.Operation == AdmissionOperation.Create && ForbiddenLabels(request.Object, null) is { Count: > 0 } set)
        {
            return $"node \"{node}\" is not allowed to set the following labels: {string.Join(", ", set)}";
        }

        if (request.Operation != AdmissionOperation.Update)
        {
            return null;
        }

        if (!JsonNode.DeepEquals(request.Object?["spec"]?["taints"], request.OldObject?["spec"]?["taints"]))
        {
            return $"node \"{node}\" is not allowed to modify taints";
        }

        return ForbiddenLabels(request.Object, request.OldObject) is { Count: > 0 } modified
            ? $"is not allowed to modify labels: {string.Join(", ", modified)}"
            : null;
    }

    /// <summary>Labels under the restricted prefix that are added, removed or changed, sorted.</summary>
    private static List<string> ForbiddenLabels(JsonObject? obj, JsonObject? old)
    {
        var labels = Labels(obj);
        var oldLabels = Labels(old);
        return [.. labels.Keys.Union(oldLabels.Keys)
            .Where(key => labels.GetValueOrDefault(key) != oldLabels.GetValueOrDefault(key) && IsRestricted(key))
            .Order(StringComparer.Ordinal)];
    }

    private static bool IsRestricted(string label)
    {
        var slash = label.IndexOf('/', StringComparison.Ordinal);
        var prefix = slash < 0 ? "" : label[..slash];
        return prefix == RestrictedLabelPrefix || prefix.EndsWith("." + RestrictedLabelPrefix, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Labels(JsonObject? obj) =>
        (obj?["metadata"]?["labels"] as JsonObject ?? []).ToDictionary(p => p.Key, p => p.Value?.ToString(), StringComparer.Ordinal);

    private static string? CheckMirrorPod(string node, JsonObject pod)
    {
        var metadata = pod["metadata"] as JsonObject ?? [];
        if (!(metadata["annotations"] as JsonObject ?? []).ContainsKey(MirrorPodAnnotation))
        {
            return $"pod does not have \"{MirrorPodAnnotation}\" annotation, node \"{node}\" can only create mirror pods";
        }

        if (NodeNameOf(pod) != node)
        {
            return $"node \"{node}\" can only create pods with spec.nodeName set to itself";
        }

        var owners = (metadata["ownerReferences"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        if (owners.Count > 1)
        {
            return $"node \"{node}\" can only create pods with a single owner reference set to itself";
        }

        if (owners is not [{ } owner] || (string?)owner["apiVersion"] != "v1" || (string?)owner["kind"] != "Node" || (string?)owner["name"] != node)
        {
            return $"node \"{node}\" can only create pods with an owner reference set to itself";
        }

        var references = PodReferences.Of((string?)metadata["name"] ?? "", pod["spec"] as JsonObject);
        return references.ServiceAccount.Length > 0 ? $"node \"{node}\" can not create pods that reference a service account"
            : references.Secrets.Count > 0 ? $"node \"{node}\" can not create pods that reference secrets"
            : references.ConfigMaps.Count > 0 ? $"node \"{node}\" can not create pods that reference configmaps"
            : references.Claims.Count > 0 ? $"node \"{node}\" can not create pods that reference persistentvolumeclaims"
            : null;
    }

    private static string NodeNameOf(JsonObject? pod) => pod?["spec"]?["nodeName"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";

    private static string Operation(AdmissionRequest request) => request.Operation.ToString().ToUpperInvariant();

    private static ApiException Forbidden(AdmissionRequest request, string why) => ApiException.Forbidden(request.Resource, request.Name, why);
}
