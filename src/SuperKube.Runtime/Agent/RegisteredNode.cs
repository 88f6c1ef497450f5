namespace SuperKube.Runtime.Agent;

/// <summary>A node this process registered: its name, pod range and InternalIP, and whether it is simulated.</summary>
public sealed record RegisteredNode(string Name, string PodCidr, string Address, bool Simulated);
