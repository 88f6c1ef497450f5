namespace SuperKube.Runtime.Containers;

/// <summary>The resolv.conf a pod's containers get: nameservers, search domains and options (<c>ndots:5</c>).</summary>
public sealed record PodDnsSettings(IReadOnlyList<string> Nameservers, IReadOnlyList<string> Searches, IReadOnlyList<string> Options);
