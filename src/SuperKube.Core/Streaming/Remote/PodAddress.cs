using System.Text.Json.Nodes;
using SuperKube.Objects;

namespace SuperKube.Streaming.Remote;

/// <summary>The namespace, name and uid that address a pod on its node.</summary>
internal sealed record PodAddress(string Namespace, string Name, string Uid)
{
    public static PodAddress Of(JsonObject pod) => new(ObjectMetadata.Namespace(pod), ObjectMetadata.Name(pod), ObjectMetadata.Uid(pod));

    /// <summary>The smallest pod object a node-side <see cref="IPodStreamProvider"/> needs: metadata and <c>spec.nodeName</c>.</summary>
    public JsonObject ToPod(string nodeName) => new()
    {
        ["metadata"] = new JsonObject { ["namespace"] = Namespace, ["name"] = Name, ["uid"] = Uid },
        ["spec"] = new JsonObject { ["nodeName"] = nodeName },
    };
}
