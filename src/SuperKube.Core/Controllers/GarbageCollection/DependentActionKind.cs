namespace SuperKube.Controllers.GarbageCollection;

/// <summary>The kinds of <see cref="DependentAction"/>.</summary>
internal enum DependentActionKind
{
    None,
    RemoveOwnerReferences,
    Delete,
}
