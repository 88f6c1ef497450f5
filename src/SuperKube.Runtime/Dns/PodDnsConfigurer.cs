using SuperKube.Model.Core;
using SuperKube.Runtime.Containers;

namespace SuperKube.Runtime.Dns;

/// <summary>
/// A pod's resolv.conf from its <c>dnsPolicy</c>, as the kubelet writes it: <c>ClusterFirst</c> (and
/// <c>ClusterFirstWithHostNet</c>) → the node's cluster DNS, search <c>NS.svc.DOMAIN svc.DOMAIN DOMAIN</c> plus the
/// host's, <c>ndots:5</c>; <c>Default</c> → the host's resolvers; <c>None</c> → only <c>dnsConfig</c>. <c>dnsConfig</c>
/// is merged on top (nameservers and searches appended, options replaced by name). While the node serves no cluster
/// DNS, ClusterFirst falls back to Default, as upstream does without a cluster DNS. Host-network pods keep the host's
/// resolv.conf.
/// </summary>
internal sealed class PodDnsConfigurer(string clusterDomain, string hostResolvConf = "/etc/resolv.conf")
{
    private const int MaxNameservers = 3;
    private const int MaxSearches = 32;

    private volatile string? _server;

    /// <summary>The cluster DNS server's address once it listens; null while it does not.</summary>
    public string? Server
    {
        get => _server;
        set => _server = value;
    }

    public string ClusterDomain { get; } = clusterDomain.Trim('.');

    /// <summary>The settings for <paramref name="pod"/>; null to keep the runtime's default (the host's resolv.conf).</summary>
    public PodDnsSettings? For(Pod pod)
    {
        var spec = pod.Spec ?? new PodSpec();
        var policy = spec.DnsPolicy ?? "ClusterFirst";
        if (spec.HostNetwork == true)
        {
            return null;
        }

        var config = spec.DnsConfig;
        if (policy is "ClusterFirst" or "ClusterFirstWithHostNet" && Server is { } server)
        {
            var ns = pod.Metadata?.Namespace ?? "default";
            var host = Host();
            return Merge([server], [$"{ns}.svc.{ClusterDomain}", $"svc.{ClusterDomain}", ClusterDomain, .. host.Searches], ["ndots:5"], config);
        }

        if (policy == "None")
        {
            return Merge([], [], [], config);
        }

        if (config is null)
        {
            return null;
        }

        var defaults = Host();
        return Merge([.. defaults.Nameservers], [.. defaults.Searches], [.. defaults.Options], config);
    }

    private static PodDnsSettings Merge(List<string> nameservers, List<string> searches, List<string> options, PodDNSConfig? config)
    {
        nameservers.AddRange(config?.Nameservers ?? []);
        searches.AddRange(config?.Searches ?? []);
        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var option in options.Select(o => o.Split(':', 2)).Select(p => (Name: p[0], Value: p.Length > 1 ? p[1] : null))
                     .Concat((config?.Options ?? []).Where(o => o.Name is { Length: > 0 }).Select(o => (Name: o.Name!, o.Value)))) // filtered on Name
        {
            if (!byName.ContainsKey(option.Name))
            {
                order.Add(option.Name);
            }

            byName[option.Name] = option.Value is null ? option.Name : option.Name + ":" + option.Value;
        }

        return new PodDnsSettings(
            [.. nameservers.Distinct(StringComparer.Ordinal).Take(MaxNameservers)],
            [.. searches.Distinct(StringComparer.Ordinal).Take(MaxSearches)],
            [.. order.Select(n => byName[n])]);
    }

    /// <summary>The host's resolv.conf; loopback nameservers are left out (a pod's loopback is its own).</summary>
    private PodDnsSettings Host()
    {
        var lines = File.Exists(hostResolvConf) ? File.ReadAllLines(hostResolvConf) : [];
        var nameservers = HostResolvers.Parse(lines).Where(e => !System.Net.IPAddress.IsLoopback(e.Address)).Select(e => e.Address.ToString());
        var searches = lines.Select(l => l.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f is ["search", ..] or ["domain", ..]).SelectMany(f => f.Skip(1));
        var options = lines.Select(l => l.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f is ["options", ..]).SelectMany(f => f.Skip(1));
        return new PodDnsSettings([.. nameservers], [.. searches], [.. options]);
    }
}
