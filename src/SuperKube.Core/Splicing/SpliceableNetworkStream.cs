using System.Net;
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

    /// <summary>
    /// Connects <paramref name="socket"/> (a fresh TCP socket, which the stream or, on failure, this method disposes)
    /// to <paramref name="endpoint"/> with a blocking <c>connect(2)</c> bounded by <paramref name="timeout"/>
    /// (the kernel's send timeout), on a pool thread. Unlike <see cref="Socket.ConnectAsync(EndPoint)"/> this leaves the
    /// socket out of .NET's event loop until an asynchronous read or write has to wait: a spliced socket that stayed
    /// registered there would wake a pool thread for every packet the pod sends, although only the splicing thread
    /// reads it. Throws <see cref="SocketException"/> (<see cref="SocketError.TimedOut"/> when the time ran out).
    /// </summary>
    public static async Task<SpliceableNetworkStream> ConnectAsync(Socket socket, IPEndPoint endpoint, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            socket.NoDelay = true;
            socket.SendTimeout = (int)Math.Max(1, timeout.TotalMilliseconds);
            await Task.Run(() => Connect(socket, endpoint, timeout), cancellationToken).ConfigureAwait(false);
            socket.SendTimeout = 0;
            return new SpliceableNetworkStream(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static void Connect(Socket socket, IPEndPoint endpoint, TimeSpan timeout)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            socket.Connect(endpoint);
        }
        catch (SocketException ex) when (ex.SocketErrorCode is SocketError.InProgress or SocketError.WouldBlock or SocketError.AlreadyInProgress)
        {
            // Linux ends a blocking connect at the send timeout with EINPROGRESS, and .NET retrying a connect that a
            // signal interrupted gets EALREADY: either way the attempt may still be under way, so wait for its outcome
            // until the time is up, then let Connect record it (it takes the kernel's EISCONN as success).
            var remaining = timeout - System.Diagnostics.Stopwatch.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero || !socket.Poll(remaining, SelectMode.SelectWrite))
            {
                throw new SocketException((int)SocketError.TimedOut);
            }

            if (socket.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Error) is int error && error != 0)
            {
                throw new SocketException(error);
            }

            socket.Connect(endpoint);
        }
    }
}
