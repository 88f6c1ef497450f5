using System.Net;

namespace SuperKube.Runtime.ServiceProxy;

/// <summary>One socket the proxy listens on (TCP or UDP) and the endpoints it forwards to.</summary>
internal interface IProxyListener : IAsyncDisposable
{
    IPEndPoint LocalEndPoint { get; }

    ProxyBackends Backends { get; }

    void Start();

    /// <summary>Stops listening; with <paramref name="closeConnections"/> false, flows already forwarded run on.</summary>
    ValueTask CloseAsync(bool closeConnections);
}
