using System.Globalization;
using SuperKube.Model.Core;
using SuperKube.Taints;

namespace SuperKube.Controllers.Apps;

/// <summary>
/// Whether a daemon pod belongs on a node: the pod's nodeSelector and required node affinity match the node, and
/// every NoSchedule/NoExecute taint of the node is tolerated (counting the tolerations every daemon pod gets).
/// </summary>
internal static class NodeEligibility
{
    /// <summary>Tolerations added to every daemon pod, as upstream: daemons keep running on unhealthy or cordoned nodes.</summary>
    public static readonly IReadOnlyList<Toleration> DaemonTolerations =
    [
        new() { Key = NodeTaints.NotReady, Operator = "Exists", Effect = NodeTaints.NoExecute },
        new() { Key = NodeTaints.Unreachable, Operator = "Exists", Effect = NodeTaints.NoExecute },
        new() { Key = "node.kubernetes.io/disk-pressure", Operator = "Exists", Effect = "NoSchedule" },
        new() { Key = "node.kubernetes.io/memory-pressure", Operator = "Exists", Effect = "NoSchedule" },
        new() { Key = "node.kubernetes.io/pid-pressure", Operator = "Exists", Effect = "NoSchedule" },
        new() { Key = "node.kubernetes.io/unschedulable", Operator = "Exists", Effect = "NoSchedule" },
    ];

    public static bool ShouldRun(Node node, PodSpec? spec)
    {
        var labels = node.Metadata?.Labels ?? new Dictionary<string, string>();
        if (!Selectors.ContainsAll(labels, spec?.NodeSelector))
        {
            return false;
        }

        if (spec?.Affinity?.NodeAffinity?.RequiredDuringSchedulingIgnoredDuringExecution?.NodeSelectorTerms is { Count: > 0 } terms
            && !terms.Any(t => TermMatches(t, node)))
        {
            return false;
        }

        var tolerations = (spec?.Tolerations ?? []).Concat(DaemonTolerations).ToList();
        return (node.Spec?.Taints ?? []).Where(t => t.Effect is "NoSchedule" or "NoExecute").All(t => Tolerations.Tolerated(tolerations, t));
    }

    /// <summary>A term matches when all its expressions (on labels) and fields (only <c>metadata.name</c>) match; an empty term matches nothing.</summary>
    public static bool TermMatches(NodeSelectorTerm term, Node node)
    {
        var expressions = term.MatchExpressions ?? [];
        var fields = term.MatchFields ?? [];
        if (expressions.Count == 0 && fields.Count == 0)
        {
            return false;
        }

        var labels = node.Metadata?.Labels;
        return expressions.All(r => RequirementMatches(r, labels?.TryGetValue(r.Key ?? "", out var v) == true ? v : null))
            && fields.All(r => r.Key == "metadata.name" && RequirementMatches(r, node.Metadata?.Name));
    }

    private static bool RequirementMatches(NodeSelectorRequirement requirement, string? value)
    {
        var values = requirement.Values ?? [];
        return requirement.Operator switch
        {
            "In" => value is not null && values.Contains(value),
            "NotIn" => value is null || !values.Contains(value),
            "Exists" => value is not null,
            "DoesNotExist" => value is null,
            "Gt" => Compare(value, values) > 0,
            "Lt" => Compare(value, values) is < 0 and not int.MinValue,
            _ => false,
        };
    }

    private static int Compare(string? value, IList<string> values) =>
        values.Count == 1
        && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var actual)
        && long.TryParse(values[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var bound)
            ? actual.CompareTo(bound)
            : int.MinValue;
}
