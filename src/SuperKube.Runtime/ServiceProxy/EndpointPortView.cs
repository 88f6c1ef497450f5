namespace SuperKube.Runtime.ServiceProxy;

/// <summary>A named port of an endpoint slice.</summary>
internal sealed record EndpointPortView(string Name, ProxyProtocol Protocol, int Port);
