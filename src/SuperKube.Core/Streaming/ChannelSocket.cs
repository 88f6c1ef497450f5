using System.Net.WebSockets;

namespace SuperKube.Streaming;

/// <summary>A WebSocket speaking a channel protocol: serialised sends, whole-message receives.</summary>
internal sealed class ChannelSocket(WebSocket socket, string protocol) : IDisposable
{
    private readonly SemaphoreSlim _send = new(1, 1);
    private readonly bool _base64 = ChannelFraming.IsBase64(protocol);

    public async Task SendAsync(byte channel, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var message = ChannelFraming.Encode(channel, payload.Span, _base64);
        await _send.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var type = _base64 ? WebSocketMessageType.Text : WebSocketMessageType.Binary;
            await socket.SendAsync(message, type, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _send.Release();
        }
    }

    /// <summary>The next channel message; null when the client closed the connection.</summary>
    public async Task<(byte Channel, byte[] Payload)?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        while (true)
        {
            using var message = new MemoryStream();
            ValueWebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }

                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            if (ChannelFraming.TryDecode(message.GetBuffer().AsSpan(0, (int)message.Length), _base64, out var channel, out var payload))
            {
                return (channel, payload);
            }
        }
    }

    /// <summary>Sends the close frame (normal closure), ignoring a connection that is already gone.</summary>
    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (WebSocketException)
        {
            // The client went away first.
        }
    }

    public void Dispose() => _send.Dispose();
}
