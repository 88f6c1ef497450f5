using System.Text.Json.Nodes;
using static SuperKube.Defaulting.JsonDefaults;

namespace SuperKube.Defaulting;

/// <summary>Defaults of the smaller core/v1 kinds: Namespace, Secret, Node and LimitRange.</summary>
internal static class CoreDefaults
{
    /// <summary>The label every namespace carries with its own name.</summary>
    public const string NamespaceNameLabel = "kubernetes.io/metadata.name";

    /// <summary>
    /// The name label (always set to the name, as upstream), the <c>kubernetes</c> finalizer of a live namespace
    /// (not re-added once deletion has started and the finalizer was removed) and the Active phase.
    /// </summary>
    public static void Namespace(JsonObject ns)
    {
        var metadata = Obj(ns, "metadata");
        if (Str(metadata, "name") is { Length: > 0 } name)
        {
            Obj(metadata, "labels")[NamespaceNameLabel] = name;
        }

        var spec = Obj(ns, "spec");
        if (spec["finalizers"] is null && metadata["deletionTimestamp"] is null)
        {
            spec["finalizers"] = new JsonArray("kubernetes");
        }

        SetIfZero(Obj(ns, "status"), "phase", "Active");
    }

    public static void Secret(JsonObject secret) => SetIfZero(secret, "type", "Opaque");

    /// <summary>Allocatable defaults to capacity when a node reports only its capacity.</summary>
    public static void Node(JsonObject node)
    {
        if (Child(node, "status") is { } status && status["allocatable"] is null && Child(status, "capacity") is { } capacity)
        {
            status["allocatable"] = capacity.DeepClone();
        }
    }

    /// <summary>
    /// For Container limits: the default limit comes from max, then the default request from the default limit and
    /// lastly from min, each per resource and only where not given.
    /// </summary>
    public static void LimitRange(JsonObject limitRange)
    {
        foreach (var item in Items(Child(limitRange, "spec"), "limits"))
        {
            if (Str(item, "type") != "Container")
            {
                continue;
            }

            FillMissing(item, "default", Child(item, "max"));
            FillMissing(item, "defaultRequest", Child(item, "default"));
            FillMissing(item, "defaultRequest", Child(item, "min"));
        }
    }

    // Copies the entries of source that target (item[key]) lacks; target is created only when something is copied.
    private static void FillMissing(JsonObject item, string key, JsonObject? source)
    {
        if (source is null)
        {
            return;
        }

        foreach (var (name, quantity) in source)
        {
            SetIfMissing(Obj(item, key), name, quantity?.DeepClone());
        }
    }
}
