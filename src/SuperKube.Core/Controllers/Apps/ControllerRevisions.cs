using System.Text.Json.Nodes;
using SuperKube.Model.Apps;
using SuperKube.Model.Core;

namespace SuperKube.Controllers.Apps;

/// <summary>
/// The ControllerRevisions of DaemonSets and StatefulSets: their <c>data</c> is the strategic merge patch
/// <c>{"spec":{"template":{...,"$patch":"replace"}}}</c>, which <c>kubectl rollout undo</c> sends back verbatim.
/// </summary>
internal static class ControllerRevisions
{
    /// <summary>The label (on revisions and pods) naming the revision a pod was made from.</summary>
    public const string HashLabel = "controller-revision-hash";

    /// <summary>The revision data of a template.</summary>
    public static JsonObject Data(PodTemplateSpec? template)
    {
        var node = ModelJson.ToNode(template) as JsonObject ?? [];
        node["$patch"] = "replace";
        return new JsonObject { ["spec"] = new JsonObject { ["template"] = node } };
    }

    /// <summary>The template a revision saved, or null when its data holds none.</summary>
    public static PodTemplateSpec? Template(ControllerRevision revision)
    {
        if (revision.Data?["spec"]?["template"] is not JsonObject saved)
        {
            return null;
        }

        var copy = saved.DeepClone().AsObject();
        copy.Remove("$patch");
        return ModelJson.FromNode<PodTemplateSpec>(copy);
    }

    /// <summary>True when the revision saved <paramref name="template"/> (compared in <see cref="TemplateJson"/>'s normal form).</summary>
    public static bool Holds(ControllerRevision revision, PodTemplateSpec? template) =>
        JsonNode.DeepEquals(TemplateJson.Normalize(Template(revision)), TemplateJson.Normalize(template));

    /// <summary>The revision's hash label (the name suffix when the label is missing).</summary>
    public static string Hash(ControllerRevision revision) =>
        revision.Metadata?.Labels?.TryGetValue(HashLabel, out var hash) == true ? hash : revision.Metadata?.Name?.Split('-')[^1] ?? "";

    /// <summary>Lowest revision first; ties by name.</summary>
    public static int ByRevision(ControllerRevision x, ControllerRevision y)
    {
        var byNumber = (x.Revision ?? 0).CompareTo(y.Revision ?? 0);
        return byNumber != 0 ? byNumber : string.CompareOrdinal(x.Metadata?.Name, y.Metadata?.Name);
    }
}
