namespace SuperKube.Runtime.ServiceProxy;

/// <summary>Settings of the user-space service proxy every node agent runs (<c>AddNodeAgent</c>).</summary>
public sealed class ServiceProxyOptions
{
    /// <summary>Whether the node proxies NodePort and LoadBalancer ports at all. Default: true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The address node ports listen on. Default: <c>0.0.0.0</c> (every IPv4 address of the node).</summary>
    public string NodePortAddress { get; set; } = "0.0.0.0";

    /// <summary>
    /// Also serve each Service's cluster IP and port, for traffic from pods: the agent puts every cluster IP on the
    /// loopback interface (<c>ip address add IP/32 dev lo</c>, which needs CAP_NET_ADMIN) and listens there; pods reach
    /// it through their default route, the host. Default: false. See docs/services.md.
    /// </summary>
    public bool ServeClusterIps { get; set; }

    /// <summary>How long a connection to an endpoint may take before the next endpoint is tried. Default: 5 seconds.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// On Linux (x86-64, arm64), relay TCP connections inside the kernel with <c>splice(2)</c> (socket to pipe to socket,
    /// no copy through user space) instead of the user-space copy loop, which stays the fallback elsewhere and whenever
    /// the kernel refuses. Default: false: measured on the project's machines it moved no more bytes per second and
    /// cost more CPU per byte than copying (see docs/benchmarks.md, Service proxy).
    /// </summary>
    public bool ZeroCopy { get; set; }

    /// <summary>How long a UDP flow lives without datagrams before its endpoint socket is closed. Default: 30 seconds.</summary>
    public TimeSpan UdpIdleTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
