namespace SuperKube.Controllers.Apps;

/// <summary>What one DaemonSet sync does: the nodes that get a new daemon pod and the pods deleted.</summary>
/// <param name="Create">Names of the nodes to create a pod on.</param>
/// <param name="Delete">Names of the pods to delete.</param>
internal sealed record DaemonSetStep(List<string> Create, List<string> Delete);
