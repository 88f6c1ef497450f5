namespace SuperKube.Runtime.Dns;

/// <summary>Settings of the cluster DNS server every node agent runs for its pods (<c>AddNodeAgent</c>).</summary>
public sealed class ClusterDnsOptions
{
    /// <summary>Whether the node serves cluster DNS (never on the Fake runtime, whose pods have no network). Default: true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The IPv4 address the server listens on; it must be reachable from pods, and becomes their nameserver. Default:
    /// null, meaning the address of the Docker default bridge (<c>docker0</c>), the pods' gateway; without one the
    /// node serves no DNS and ClusterFirst pods fall back to the host's resolvers.
    /// </summary>
    public string? ListenAddress { get; set; }

    /// <summary>The UDP and TCP port. Resolvers in pods only ask port 53, which needs root or CAP_NET_BIND_SERVICE. Default: 53.</summary>
    public int Port { get; set; } = 53;

    /// <summary>The cluster domain (<c>svc.NAMESPACE.svc.DOMAIN</c>). Default: <c>cluster.local</c>.</summary>
    public string ClusterDomain { get; set; } = "cluster.local";

    /// <summary>
    /// Names outside the cluster domain are forwarded to the nameservers of the host's <c>/etc/resolv.conf</c> (true)
    /// or refused (false, REFUSED). Default: true.
    /// </summary>
    public bool ForwardToHostResolvers { get; set; } = true;

    /// <summary>The TTL of the records served. Default: 5 seconds.</summary>
    public TimeSpan RecordTtl { get; set; } = TimeSpan.FromSeconds(5);
}
