namespace SuperKube.Registry;

/// <summary>A subresource such as <c>status</c>, <c>scale</c> or <c>log</c>, as published in discovery.</summary>
/// <param name="Name">The subresource name (<c>status</c>).</param>
/// <param name="ResponseKind">The kind returned, which may be of another group (Scale is autoscaling/v1).</param>
/// <param name="Verbs">The verbs allowed on the subresource.</param>
public sealed record SubresourceInfo(string Name, GroupVersionKind ResponseKind, IReadOnlyList<string> Verbs);
