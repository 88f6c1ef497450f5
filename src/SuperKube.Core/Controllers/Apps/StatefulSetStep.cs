namespace SuperKube.Controllers.Apps;

/// <summary>What one StatefulSet sync does: the ordinals to create and the pods to delete.</summary>
/// <param name="Create">Ordinals whose pods are created, in order.</param>
/// <param name="Delete">Names of the pods deleted.</param>
internal sealed record StatefulSetStep(List<int> Create, List<string> Delete)
{
    public static StatefulSetStep None => new([], []);
}
