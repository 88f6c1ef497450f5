using SuperKube.Runtime.Containers;

namespace SuperKube.Runtime.Agent;

/// <summary>One container of an <see cref="AdoptedPod"/>: its newest instance, the previous one, and its restart count.</summary>
internal sealed record AdoptedContainer(ContainerInfo Current, ContainerInfo? Previous, int RestartCount);
