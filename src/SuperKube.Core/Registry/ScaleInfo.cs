namespace SuperKube.Registry;

/// <summary>
/// The scale subresource of a custom resource: JSON paths (<c>.spec.replicas</c>) of the desired and observed replica
/// counts and, optionally, of the label selector string that a HorizontalPodAutoscaler reads.
/// </summary>
/// <param name="SpecReplicasPath">Path of the desired replicas, such as <c>.spec.replicas</c>.</param>
/// <param name="StatusReplicasPath">Path of the observed replicas, such as <c>.status.replicas</c>.</param>
/// <param name="LabelSelectorPath">Path of the serialized label selector, or null.</param>
public sealed record ScaleInfo(string SpecReplicasPath, string StatusReplicasPath, string? LabelSelectorPath);
