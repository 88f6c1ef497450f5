namespace SuperKube.Runtime.Containers;

/// <summary>The outcome of a pull: the resolved image id, its size and whether it was already present.</summary>
public sealed record ImagePullResult(string Image, string ImageId, long SizeBytes, bool AlreadyPresent, TimeSpan Duration);
