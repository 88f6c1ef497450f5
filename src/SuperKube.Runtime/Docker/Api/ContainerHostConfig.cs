namespace SuperKube.Runtime.Docker.Api;

/// <summary>The host side of a container: network, mounts and limits.</summary>
internal sealed class ContainerHostConfig
{
    public string? NetworkMode { get; set; }

    public string? IpcMode { get; set; }

    public List<string>? Binds { get; set; }

    public long NanoCpus { get; set; }

    public long Memory { get; set; }

    /// <summary>Nameservers of the container's resolv.conf (only for containers owning their network namespace).</summary>
    public List<string>? Dns { get; set; }

    public List<string>? DnsSearch { get; set; }

    public List<string>? DnsOptions { get; set; }

    /// <summary>Extra groups of the container's processes (supplementalGroups).</summary>
    public List<string>? GroupAdd { get; set; }
}
