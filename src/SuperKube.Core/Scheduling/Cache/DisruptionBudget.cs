using SuperKube.Scheduling.Framework;

namespace SuperKube.Scheduling.Cache;

/// <summary>What preemption needs of a PodDisruptionBudget: its namespace, selector and allowed disruptions.</summary>
internal sealed record DisruptionBudget(string Namespace, LabelMatcher Selector, int DisruptionsAllowed, IReadOnlySet<string> DisruptedPods)
{
    public bool Covers(PodInfo pod) => pod.Namespace == Namespace && !Selector.IsEverything && Selector.Matches(pod.Labels);
}
