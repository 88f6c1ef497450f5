using System.Text.Json.Nodes;
using static SuperKube.Tables.JsonValues;

namespace SuperKube.Tables;

/// <summary>The pod table.</summary>
internal static class PodPrinter
{
    /// <summary>Name, Ready, Status, Restarts, Age; wide: IP, Node, Nominated Node, Readiness Gates.</summary>
    public static readonly TableDefinition Table = new(
        [
            TableColumns.Name,
            TableColumns.Text("Ready", "Ready containers out of all containers of the pod."),
            TableColumns.Text("Status", "Overall state of the pod, summarised from its phase and container states."),
            TableColumns.Text("Restarts", "Container restarts, and how long ago the last one happened."),
            TableColumns.Age,
            TableColumns.Text("IP", "First IP address assigned to the pod.", 1),
            TableColumns.Text("Node", "Node the pod is bound to.", 1),
            TableColumns.Text("Nominated Node", "Node the scheduler nominated for the pod after preemption.", 1),
            TableColumns.Text("Readiness Gates", "Readiness gates whose condition is true, out of all gates.", 1),
        ],
        Row);

    private static object?[] Row(JsonObject pod, DateTimeOffset now)
    {
        var summary = PodStatusSummary.Of(pod);
        return
        [
            ObjectCells.Name(pod),
            $"{summary.Ready}/{summary.Total}",
            summary.Reason,
            summary.RestartsText(now),
            ObjectCells.Age(pod, now),
            ObjectCells.OrNone(Str(ObjectList(pod, "status", "podIPs").FirstOrDefault(), "ip")),
            ObjectCells.OrNone(Str(pod, "spec", "nodeName")),
            ObjectCells.OrNone(Str(pod, "status", "nominatedNodeName")),
            ReadinessGates(pod),
        ];
    }

    private static string ReadinessGates(JsonObject pod)
    {
        var gates = ObjectList(pod, "spec", "readinessGates");
        if (gates.Count == 0)
        {
            return "<none>";
        }

        var passing = gates.Count(g => ConditionTrue(pod, Text(g, "conditionType"), "status", "conditions"));
        return $"{passing}/{gates.Count}";
    }
}
