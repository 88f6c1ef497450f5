namespace SuperKube.Services;

/// <summary>The Service an allocation record belongs to.</summary>
internal readonly record struct AllocationOwner(string Namespace, string Name, string Uid);
