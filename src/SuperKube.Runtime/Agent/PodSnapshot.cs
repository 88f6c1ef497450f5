using System.Text.Json;
using System.Text.Json.Nodes;
using SuperKube.Client;
using SuperKube.Events;
using SuperKube.Model;
using SuperKube.Model.Core;

namespace SuperKube.Runtime.Agent;

/// <summary>
/// A pod as last seen from the API: its UTF-8 JSON (to diff the status against) and the typed model (to read the spec,
/// without <c>metadata.managedFields</c>). No JSON tree is kept: a parsed tree holds its whole source document, several
/// times the pod's size, for as long as the pod runs; from the in-process watch the bytes are the watch cache's own.
/// </summary>
internal sealed record PodSnapshot(ReadOnlyMemory<byte> Json, Pod Pod)
{
    /// <summary>From a watch event: the event's bytes and model, shared with the other in-process watchers when it carries them.</summary>
    public static PodSnapshot From(WatchEvent e) =>
        e.Utf8Json.IsEmpty ? From(e.Object) : new(e.Utf8Json, e.SharedModel<Pod>());

    public static PodSnapshot From(JsonObject json)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(json);
        return From(bytes, ModelTypeInfo.Deserialize<Pod>(bytes));
    }

    private static PodSnapshot From(ReadOnlyMemory<byte> json, Pod pod) => new(json, pod.WithoutManagedFields());

    public string Namespace => Pod.Metadata?.Namespace ?? "";

    public string Name => Pod.Metadata?.Name ?? "";

    public string Uid => Pod.Metadata?.Uid ?? "";

    public bool IsDeleting => Pod.Metadata?.DeletionTimestamp is not null;

    public string RestartPolicy => Pod.Spec?.RestartPolicy ?? "Always";

    public string Phase => Pod.Status?.Phase ?? "";

    public bool IsTerminal => Phase is PodPhases.Succeeded or PodPhases.Failed;

    /// <summary>The pod as the subject of an Event.</summary>
    public InvolvedObject About(string? fieldPath) =>
        new("v1", "Pod", Namespace, Name, Uid, Pod.Metadata?.ResourceVersion ?? "", fieldPath);

    /// <summary>A fresh JSON copy of <c>status</c> exactly as stored, or null when there is none.</summary>
    public JsonObject? StatusJson()
    {
        var pod = JsonNode.Parse(Json.Span)?.AsObject();
        var status = pod?["status"] as JsonObject;
        pod?.Remove("status");
        return status;
    }

    /// <summary><c>spec.containers{name}</c> or <c>spec.initContainers{name}</c>: the event field path of a container.</summary>
    public static string FieldPath(ContainerRecord record) => $"{(record.Init ? "spec.initContainers" : "spec.containers")}{{{record.Name}}}";
}
