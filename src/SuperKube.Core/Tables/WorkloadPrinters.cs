using System.Text.Json.Nodes;
using static SuperKube.Tables.JsonValues;

namespace SuperKube.Tables;

/// <summary>The tables of the apps/v1 workloads and replication controllers.</summary>
internal static class WorkloadPrinters
{
    /// <summary>Name, Ready, Up-to-date, Available, Age; wide: Containers, Images, Selector.</summary>
    public static readonly TableDefinition Deployments = new(
        [
            TableColumns.Name,
            TableColumns.Text("Ready", "Ready pods out of the desired replicas."),
            TableColumns.Text("Up-to-date", "Pods running the latest pod template."),
            TableColumns.Text("Available", "Pods that have been ready long enough to count as available."),
            TableColumns.Age,
            TableColumns.Containers,
            TableColumns.Images,
            TableColumns.Selector,
        ],
        static (obj, now) => [
            ObjectCells.Name(obj),
            $"{Int(obj, "status", "readyReplicas")}/{Int(obj, "spec", "replicas")}",
            Int(obj, "status", "updatedReplicas"),
            Int(obj, "status", "availableReplicas"),
            ObjectCells.Age(obj, now),
            .. TemplateCells(obj, LabelSelectorText.SelectorOrEmpty(Get(obj, "spec", "selector"))),
        ]);

    /// <summary>Name, Desired, Current, Ready, Age; wide: Containers, Images, Selector.</summary>
    public static readonly TableDefinition ReplicaSets = new(
        ReplicaColumns,
        static (obj, now) => [.. ReplicaCells(obj, now), .. TemplateCells(obj, LabelSelectorText.Selector(Get(obj, "spec", "selector")))]);

    /// <summary>Like replica sets, but the selector is a plain label map.</summary>
    public static readonly TableDefinition ReplicationControllers = new(
        ReplicaColumns,
        static (obj, now) => [.. ReplicaCells(obj, now), .. TemplateCells(obj, LabelSelectorText.Labels(Get(obj, "spec", "selector")))]);

    /// <summary>Name, Ready, Age; wide: Containers, Images.</summary>
    public static readonly TableDefinition StatefulSets = new(
        [
            TableColumns.Name,
            TableColumns.Text("Ready", "Ready pods out of the desired replicas."),
            TableColumns.Age,
            TableColumns.Containers,
            TableColumns.Images,
        ],
        static (obj, now) =>
        {
            var (names, images) = ObjectCells.Containers(Get(obj, "spec", "template", "spec"));
            return [
                ObjectCells.Name(obj),
                $"{Int(obj, "status", "readyReplicas")}/{Int(obj, "spec", "replicas")}",
                ObjectCells.Age(obj, now),
                names,
                images,
            ];
        });

    /// <summary>Name, Desired, Current, Ready, Up-to-date, Available, Node Selector, Age; wide: Containers, Images, Selector.</summary>
    public static readonly TableDefinition DaemonSets = new(
        [
            TableColumns.Name,
            TableColumns.Integer("Desired", "Nodes that should run the daemon pod."),
            TableColumns.Integer("Current", "Nodes running at least one daemon pod."),
            TableColumns.Integer("Ready", "Nodes whose daemon pod is ready."),
            TableColumns.Integer("Up-to-date", "Nodes running the latest daemon pod template."),
            TableColumns.Integer("Available", "Nodes whose daemon pod is available."),
            TableColumns.Text("Node Selector", "Node labels a node needs to run the daemon pod."),
            TableColumns.Age,
            TableColumns.Containers,
            TableColumns.Images,
            TableColumns.Selector,
        ],
        static (obj, now) => [
            ObjectCells.Name(obj),
            Int(obj, "status", "desiredNumberScheduled"),
            Int(obj, "status", "currentNumberScheduled"),
            Int(obj, "status", "numberReady"),
            Int(obj, "status", "updatedNumberScheduled"),
            Int(obj, "status", "numberAvailable"),
            LabelSelectorText.Labels(Get(obj, "spec", "template", "spec", "nodeSelector")),
            ObjectCells.Age(obj, now),
            .. TemplateCells(obj, LabelSelectorText.Selector(Get(obj, "spec", "selector"))),
        ]);

    /// <summary>Name, Controller, Revision, Age.</summary>
    public static readonly TableDefinition ControllerRevisions = new(
        [
            TableColumns.Name,
            TableColumns.Text("Controller", "Object that owns this revision, as kind.group/name."),
            TableColumns.Text("Revision", "Revision number of the recorded state."),
            TableColumns.Age,
        ],
        static (obj, now) => [ObjectCells.Name(obj), Controller(obj), Int(obj, "revision"), ObjectCells.Age(obj, now)]);

    private static TableColumn[] ReplicaColumns =>
    [
        TableColumns.Name,
        TableColumns.Integer("Desired", "Number of replicas asked for."),
        TableColumns.Integer("Current", "Number of replicas that exist."),
        TableColumns.Integer("Ready", "Number of replicas that are ready."),
        TableColumns.Age,
        TableColumns.Containers,
        TableColumns.Images,
        TableColumns.Selector,
    ];

    /// <summary>The owner with <c>controller: true</c> as <c>kind.group/name</c> (lower-cased kind and group), or <c>&lt;none&gt;</c>.</summary>
    public static string Controller(JsonObject obj)
    {
        var owner = ObjectList(obj, "metadata", "ownerReferences").FirstOrDefault(o => Bool(o, "controller"));
        if (owner is null)
        {
            return "<none>";
        }

        var apiVersion = Text(owner, "apiVersion");
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        var group = slash < 0 ? "" : apiVersion[..slash];
        var kind = Text(owner, "kind");
        var name = Text(owner, "name");
        if (kind.Length == 0 && group.Length == 0)
        {
            return name;
        }

        var groupKind = group.Length == 0 ? kind : kind + "." + group;
        return groupKind.ToLowerInvariant() + "/" + name;
    }

    private static object?[] ReplicaCells(JsonObject obj, DateTimeOffset now) =>
    [
        ObjectCells.Name(obj),
        Int(obj, "spec", "replicas"),
        Int(obj, "status", "replicas"),
        Int(obj, "status", "readyReplicas"),
        ObjectCells.Age(obj, now),
    ];

    private static object?[] TemplateCells(JsonObject obj, string selector)
    {
        var (names, images) = ObjectCells.Containers(Get(obj, "spec", "template", "spec"));
        return [names, images, selector];
    }
}
