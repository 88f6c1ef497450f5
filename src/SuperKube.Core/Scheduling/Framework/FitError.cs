using System.Globalization;

namespace SuperKube.Scheduling.Framework;

/// <summary>
/// Formats why a pod fits no node the way upstream does, e.g.
/// <c>0/3 nodes are available: 1 node(s) had untolerated taint {a: b}, 2 Insufficient cpu. preemption: ...</c>:
/// each reason counted over the nodes, sorted as text.
/// </summary>
internal static class FitError
{
    public static string Format(int numAllNodes, IEnumerable<SchedulingStatus> nodeStatuses, string? preFilterMessage = null, string? postFilterMessage = null)
    {
        var message = string.Create(CultureInfo.InvariantCulture, $"0/{numAllNodes} nodes are available:");
        if (!string.IsNullOrEmpty(preFilterMessage))
        {
            message += $" {preFilterMessage}.";
        }
        else
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var status in nodeStatuses)
            {
                foreach (var reason in status.Reasons)
                {
                    counts[reason] = counts.GetValueOrDefault(reason) + 1;
                }
            }

            if (counts.Count > 0)
            {
                var parts = counts.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Value} {c.Key}")).Order(StringComparer.Ordinal);
                message += $" {string.Join(", ", parts)}.";
            }
        }

        if (!string.IsNullOrEmpty(postFilterMessage))
        {
            message += $" {postFilterMessage}.";
        }

        return message;
    }
}
