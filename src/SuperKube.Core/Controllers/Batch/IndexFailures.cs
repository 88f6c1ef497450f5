using SuperKube.Model.Core;

namespace SuperKube.Controllers.Batch;

/// <summary>The per-index failures of an Indexed Job with <c>backoffLimitPerIndex</c> (see <see cref="PerIndexBackoff"/>).</summary>
/// <param name="Failed">The failed indexes, never to run again.</param>
/// <param name="AwaitingReplacement">Per index still to run, its last failed pod: it keeps its finalizer until its replacement exists.</param>
internal sealed record IndexFailures(HashSet<int> Failed, Dictionary<int, Pod> AwaitingReplacement)
{
    /// <summary>True when <paramref name="pod"/> is the last failed pod of an index awaiting its replacement.</summary>
    public bool IsAwaitingReplacement(Pod pod) => AwaitingReplacement.ContainsValue(pod);
}
