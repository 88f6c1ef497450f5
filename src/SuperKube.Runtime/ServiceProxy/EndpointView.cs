using System.Net;

namespace SuperKube.Runtime.ServiceProxy;

/// <summary>One endpoint address of a Service with the ports its slice names.</summary>
internal sealed record EndpointView
{
    public required IPAddress Address { get; init; }

    public bool Ready { get; init; } = true;

    public bool Serving { get; init; } = true;

    public bool Terminating { get; init; }

    public string? NodeName { get; init; }

    /// <summary>The endpoint's <c>hostname</c> (pods with a hostname and a subdomain naming the Service).</summary>
    public string? Hostname { get; init; }

    /// <summary>Ports by the service port name they serve ("" for an unnamed port), with their protocol.</summary>
    public required IReadOnlyList<EndpointPortView> Ports { get; init; }

    public int? PortFor(string name, ProxyProtocol protocol) =>
        Ports.FirstOrDefault(p => p.Name == name && p.Protocol == protocol) is { } port ? port.Port : null;
}
