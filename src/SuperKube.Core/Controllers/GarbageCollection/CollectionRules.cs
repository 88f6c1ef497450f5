namespace SuperKube.Controllers.GarbageCollection;

/// <summary>
/// The garbage collector's decisions, as pure functions of the graph. A dependent with at least one solid owner
/// stays (references to gone or foreground-deleting owners are dropped); one whose owners are all gone is deleted in
/// the background; one whose owner waits for it is deleted in the foreground when it has dependents of its own.
/// </summary>
internal static class CollectionRules
{
    public static DependentAction ForDependent(GraphNode item, IReadOnlyDictionary<string, OwnerState> owners, bool hasDependents)
    {
        if (item.Deleting || item.Owners.Count == 0)
        {
            return DependentAction.None;
        }

        var state = item.Owners.Select(o => (o.Uid, State: owners.GetValueOrDefault(o.Uid, OwnerState.Solid))).ToList();
        if (state.Any(s => s.State == OwnerState.Solid))
        {
            var stale = state.Where(s => s.State != OwnerState.Solid).Select(s => s.Uid).ToList();
            return stale.Count == 0 ? DependentAction.None : DependentAction.RemoveOwners(stale);
        }

        var waited = state.Any(s => s.State == OwnerState.WaitingForDependents);
        return DependentAction.Delete(waited && hasDependents ? "Foreground" : "Background");
    }

    /// <summary>
    /// A foreground-deleting owner keeps its finalizer while any dependent blocks it
    /// (<c>blockOwnerDeletion: true</c> on the reference to it).
    /// </summary>
    public static bool IsBlocked(GraphNode owner, IReadOnlyList<GraphNode> dependents) =>
        dependents.Any(d => d.Owners.Any(o => o.Uid == owner.Uid && o.BlockOwnerDeletion));
}
