namespace SuperKube.Controllers.GarbageCollection;

/// <summary>What an owner reference points at, as far as the garbage collector is concerned.</summary>
internal enum OwnerState
{
    /// <summary>The owner exists and is not waiting for its dependents.</summary>
    Solid,

    /// <summary>No object with that uid exists any more.</summary>
    Dangling,

    /// <summary>The owner is deleted in the foreground and waits for its dependents to go.</summary>
    WaitingForDependents,
}
