using System.Net.Sockets;

namespace SuperKube.Runtime.ServiceProxy.Relay;

/// <summary>How the TCP proxy moves bytes between an accepted client connection and its endpoint connection.</summary>
internal interface ITcpRelay : IDisposable
{
    /// <summary>A short name for logs and the benchmark ("splice", "copy").</summary>
    string Name { get; }

    /// <summary>
    /// Relays both ways until both directions reached end of stream (each end of stream passed on as a half-close), a
    /// socket failed, or <paramref name="cancellationToken"/> fires. Never throws for socket errors. The caller closes
    /// both sockets once this completes, and does no I/O on them before.
    /// </summary>
    Task RelayAsync(Socket client, Socket upstream, CancellationToken cancellationToken);
}
