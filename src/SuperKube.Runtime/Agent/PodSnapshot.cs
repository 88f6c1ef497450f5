using System.Text.Json.Nodes;
using SuperKube.Client;
using SuperKube.Model.Core;
using SuperKube.Objects;

namespace SuperKube.Runtime.Agent;

/// <summary>A pod as last seen from the API: the JSON (to diff and patch) and the typed model (to read the spec).</summary>
internal sealed record PodSnapshot(JsonObject Json, Pod Pod)
{
    /// <summary>Takes ownership of <paramref name="json"/>, dropping <c>metadata.managedFields</c> (the agent never reads them).</summary>
    public static PodSnapshot From(JsonObject json)
    {
        (json["metadata"] as JsonObject)?.Remove("managedFields");
        return new(json, KubernetesClientExtensions.FromJson<Pod>(json));
    }

    public string Namespace => ObjectMetadata.Namespace(Json);

    public string Name => ObjectMetadata.Name(Json);

    public string Uid => ObjectMetadata.Uid(Json);

    public bool IsDeleting => ObjectMetadata.IsDeleting(Json);

    public string RestartPolicy => Pod.Spec?.RestartPolicy ?? "Always";

    public string Phase => (string?)(Json["status"] as JsonObject)?["phase"] ?? "";

    public bool IsTerminal => Phase is PodPhases.Succeeded or PodPhases.Failed;

    /// <summary><c>spec.containers{name}</c> or <c>spec.initContainers{name}</c>: the event field path of a container.</summary>
    public static string FieldPath(ContainerRecord record) => $"{(record.Init ? "spec.initContainers" : "spec.containers")}{{{record.Name}}}";
}
