namespace SuperKube.Runtime.ServiceProxy;

/// <summary>One port of a Service.</summary>
internal sealed record ServicePortView(string Name, ProxyProtocol Protocol, int Port, int NodePort);
