using System.Text.Json.Nodes;
using static SuperKube.Tables.JsonValues;

namespace SuperKube.Tables;

/// <summary>The node table.</summary>
internal static class NodePrinter
{
    private const string RolePrefix = "node-role.kubernetes.io/";
    private const string RoleLabel = "kubernetes.io/role";

    /// <summary>Name, Status, Roles, Age, Version; wide: addresses, OS image, kernel and container runtime.</summary>
    public static readonly TableDefinition Table = new(
        [
            TableColumns.Name,
            TableColumns.Text("Status", "Readiness of the node, and whether scheduling is disabled."),
            TableColumns.Text("Roles", "Roles of the node, taken from its role labels."),
            TableColumns.Age,
            TableColumns.Text("Version", "Version of the kubelet on the node."),
            TableColumns.Text("Internal-IP", "First internal address of the node.", 1),
            TableColumns.Text("External-IP", "First external address of the node.", 1),
            TableColumns.Text("OS-Image", "Operating system image reported by the node.", 1),
            TableColumns.Text("Kernel-Version", "Kernel version reported by the node.", 1),
            TableColumns.Text("Container-Runtime", "Container runtime name and version on the node.", 1),
        ],
        Row);

    /// <summary><c>Ready</c>, <c>NotReady</c> or <c>Unknown</c>, with <c>,SchedulingDisabled</c> when cordoned.</summary>
    public static string Status(JsonObject node)
    {
        var ready = ObjectList(node, "status", "conditions").FirstOrDefault(c => Str(c, "type") == "Ready");
        var status = ready is null ? "Unknown" : Str(ready, "status") == "True" ? "Ready" : "NotReady";
        return Bool(node, "spec", "unschedulable") ? status + ",SchedulingDisabled" : status;
    }

    /// <summary>Sorted, comma-joined roles from <c>node-role.kubernetes.io/&lt;role&gt;</c> keys and the <c>kubernetes.io/role</c> value.</summary>
    public static string Roles(JsonObject node)
    {
        var roles = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in StringMap(node, "metadata", "labels"))
        {
            if (key.StartsWith(RolePrefix, StringComparison.Ordinal) && key.Length > RolePrefix.Length)
            {
                roles.Add(key[RolePrefix.Length..]);
            }
            else if (key == RoleLabel && value.Length > 0)
            {
                roles.Add(value);
            }
        }

        return roles.Count == 0 ? "<none>" : string.Join(",", roles);
    }

    private static object?[] Row(JsonObject node, DateTimeOffset now) =>
    [
        ObjectCells.Name(node),
        Status(node),
        Roles(node),
        ObjectCells.Age(node, now),
        Text(node, "status", "nodeInfo", "kubeletVersion"),
        Address(node, "InternalIP"),
        Address(node, "ExternalIP"),
        InfoOrUnknown(node, "osImage"),
        InfoOrUnknown(node, "kernelVersion"),
        InfoOrUnknown(node, "containerRuntimeVersion"),
    ];

    private static string Address(JsonObject node, string type) =>
        ObjectList(node, "status", "addresses").FirstOrDefault(a => Str(a, "type") == type) is { } address
            ? Text(address, "address")
            : "<none>";

    private static string InfoOrUnknown(JsonObject node, string field) =>
        Str(node, "status", "nodeInfo", field) is { Length: > 0 } value ? value : "<unknown>";
}
