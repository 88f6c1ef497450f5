namespace SuperKube.Services;

/// <summary>Address ranges Services are given addresses and node ports from (the server's <c>--service-cidr</c> and <c>--node-port-range</c>).</summary>
public sealed class ServiceNetworkOptions
{
    /// <summary>The IPv4 range cluster IPs come from; its first address goes to the <c>kubernetes</c> Service. Default <c>10.96.0.0/12</c>.</summary>
    public string ServiceCidr { get; set; } = "10.96.0.0/12";

    /// <summary>The inclusive range node ports come from, as <c>FIRST-LAST</c>. Default <c>30000-32767</c>.</summary>
    public string NodePortRange { get; set; } = "30000-32767";

    /// <summary>Creates the <c>default/kubernetes</c> Service and its Endpoints pointing at this server. Default true.</summary>
    public bool CreateKubernetesService { get; set; } = true;

    /// <summary>
    /// The address the <c>kubernetes</c> Endpoints publish; null (the default) uses the address the server listens on,
    /// or 127.0.0.1 when it listens on every address.
    /// </summary>
    public string? AdvertiseAddress { get; set; }

    /// <summary>How long an allocation that no Service uses is kept before it is released (it may belong to a write in flight). Default 1 minute.</summary>
    public TimeSpan OrphanGracePeriod { get; set; } = TimeSpan.FromMinutes(1);
}
