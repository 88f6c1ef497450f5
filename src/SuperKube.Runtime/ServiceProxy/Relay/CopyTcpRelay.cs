using System.Buffers;
using System.Net.Sockets;

namespace SuperKube.Runtime.ServiceProxy.Relay;

/// <summary>
/// The portable relay: a user-space copy loop per direction over one pooled buffer each, with the managed socket APIs.
/// An error in either direction closes both sockets, which ends the other.
/// </summary>
internal sealed class CopyTcpRelay : ITcpRelay
{
    /// <summary>Bytes per direction per connection, rented from the shared pool.</summary>
    public const int BufferSize = 64 * 1024;

    public string Name => "copy";

    public Task RelayAsync(Socket client, Socket upstream, CancellationToken cancellationToken) =>
        Task.WhenAll(PumpAsync(client, upstream, cancellationToken), PumpAsync(upstream, client, cancellationToken));

    public void Dispose()
    {
    }

    /// <summary>Copies one direction until end of stream, then half-closes the other side; an error aborts both.</summary>
    private static async Task PumpAsync(Socket from, Socket to, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer.AsMemory(), SocketFlags.None, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    to.Shutdown(SocketShutdown.Send);
                    return;
                }

                var sent = 0;
                while (sent < read)
                {
                    sent += await to.SendAsync(buffer.AsMemory(sent, read - sent), SocketFlags.None, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            from.Dispose();
            to.Dispose();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
