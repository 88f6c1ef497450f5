namespace SuperKube.Runtime.ServiceProxy;

/// <summary>The transport of a Service port the proxy carries (SCTP ports are not proxied).</summary>
internal enum ProxyProtocol
{
    Tcp,
    Udp,
    Sctp,
}
