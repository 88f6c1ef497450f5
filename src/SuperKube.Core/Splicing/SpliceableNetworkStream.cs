using System.Net.Sockets;

namespace SuperKube.Splicing;

/// <summary>
/// A <see cref="NetworkStream"/> that owns its connected TCP socket and shows it, so zero-copy code (port-forward's
/// spliced frames) can move the socket's bytes in the kernel instead of reading them through the stream. Such code
/// must be the socket's only reader while it does.
/// </summary>
internal sealed class SpliceableNetworkStream(Socket socket) : NetworkStream(socket, ownsSocket: true)
{
    /// <summary>The connected socket.</summary>
    public new Socket Socket => base.Socket;
}
