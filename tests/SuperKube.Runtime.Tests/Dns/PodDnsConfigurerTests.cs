using SuperKube.Model.Core;
using SuperKube.Model.Meta;

namespace SuperKube.Runtime.Dns.Tests;

public sealed class PodDnsConfigurerTests : IDisposable
{
    private readonly string _resolvConf = Path.GetTempFileName();

    public PodDnsConfigurerTests() =>
        File.WriteAllText(_resolvConf, "nameserver 127.0.0.53\nnameserver 192.0.2.53\nsearch corp.example\noptions edns0\n");

    public void Dispose() => File.Delete(_resolvConf);

    [Fact]
    public void For_ClusterFirst_ClusterDnsSearchPathAndNdots()
    {
        var configurer = new PodDnsConfigurer("cluster.local", _resolvConf) { Server = "172.17.0.1" };

        var dns = configurer.For(Pod(null));

        Assert.Equal(["172.17.0.1"], dns!.Nameservers);
        Assert.Equal(["apps.svc.cluster.local", "svc.cluster.local", "cluster.local", "corp.example"], dns.Searches);
        Assert.Equal(["ndots:5"], dns.Options);
    }

    [Fact]
    public void For_ClusterFirstWithoutClusterDns_HostDefault()
    {
        var configurer = new PodDnsConfigurer("cluster.local", _resolvConf);

        Assert.Null(configurer.For(Pod("ClusterFirst")));
        Assert.Null(configurer.For(Pod("Default")));
    }

    [Fact]
    public void For_DefaultWithDnsConfig_HostResolversWithoutLoopbackPlusConfig()
    {
        var configurer = new PodDnsConfigurer("cluster.local", _resolvConf) { Server = "172.17.0.1" };
        var config = new PodDNSConfig { Nameservers = ["192.0.2.99"], Options = [new PodDNSConfigOption { Name = "edns0" }, new PodDNSConfigOption { Name = "timeout", Value = "2" }] };

        var dns = configurer.For(Pod("Default", config));

        Assert.Equal(["192.0.2.53", "192.0.2.99"], dns!.Nameservers);
        Assert.Equal(["corp.example"], dns.Searches);
        Assert.Equal(["edns0", "timeout:2"], dns.Options);
    }

    [Fact]
    public void For_NoneAndClusterFirstWithDnsConfig_ConfigOnlyAndMerged()
    {
        var configurer = new PodDnsConfigurer("cluster.local", _resolvConf) { Server = "172.17.0.1" };
        var config = new PodDNSConfig { Nameservers = ["192.0.2.10"], Searches = ["my.dns.search"], Options = [new PodDNSConfigOption { Name = "ndots", Value = "2" }] };

        var none = configurer.For(Pod("None", config));
        var merged = configurer.For(Pod("ClusterFirst", config));

        Assert.Equal(["192.0.2.10"], none!.Nameservers);
        Assert.Equal(["my.dns.search"], none.Searches);
        Assert.Equal(["ndots:2"], none.Options);
        Assert.Equal(["172.17.0.1", "192.0.2.10"], merged!.Nameservers);
        Assert.Equal("my.dns.search", merged.Searches[^1]);
        Assert.Equal(["ndots:2"], merged.Options);
    }

    [Fact]
    public void For_HostNetwork_KeepsHostResolvConf()
    {
        var configurer = new PodDnsConfigurer("cluster.local", _resolvConf) { Server = "172.17.0.1" };
        var pod = Pod("ClusterFirstWithHostNet");
        pod.Spec!.HostNetwork = true;

        Assert.Null(configurer.For(pod));
    }

    private static Pod Pod(string? policy, PodDNSConfig? config = null) =>
        new() { Metadata = new ObjectMeta { Name = "p", Namespace = "apps" }, Spec = new PodSpec { DnsPolicy = policy, DnsConfig = config } };
}
