using System.Net.Sockets;

namespace SuperKube.Runtime.ServiceProxy;

/// <summary>The accept loop of the node's TCP listeners (proxy ports, cluster DNS).</summary>
internal static class SocketAcceptLoop
{
    /// <summary>
    /// Accepts until <paramref name="cancellationToken"/> fires or the listener is closed, handing each connection to
    /// <paramref name="accepted"/>; a failed accept (the client reset first, out of descriptors) goes to
    /// <paramref name="failed"/> and the loop goes on.
    /// </summary>
    public static async Task RunAsync(Socket listener, Action<Socket> accepted, Action<SocketError> failed, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException || cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException ex)
            {
                failed(ex.SocketErrorCode);
                continue;
            }

            accepted(client);
        }
    }
}
