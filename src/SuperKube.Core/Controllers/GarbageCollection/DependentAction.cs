namespace SuperKube.Controllers.GarbageCollection;

/// <summary>What to do with a dependent: nothing, drop some owner references, or delete it with a policy.</summary>
internal sealed record DependentAction(DependentActionKind Kind, IReadOnlyList<string> OwnerUidsToRemove, string PropagationPolicy)
{
    public static readonly DependentAction None = new(DependentActionKind.None, [], "");

    public static DependentAction RemoveOwners(IReadOnlyList<string> uids) => new(DependentActionKind.RemoveOwnerReferences, uids, "");

    public static DependentAction Delete(string policy) => new(DependentActionKind.Delete, [], policy);
}
