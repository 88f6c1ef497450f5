using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SuperKube.Streaming;

/// <summary>
/// Pumps one exec or attach process over a channel WebSocket: stdout and stderr out on channels 1 and 2, stdin in on
/// channel 0 (half-closed by <c>ff 00</c>), resizes on channel 4; ends with the exit Status on channel 3.
/// </summary>
internal sealed class RemoteCommandSession(ChannelSocket socket, IPodProcess process, PodProcessOptions options)
{
    public async Task RunAsync(CancellationToken aborted)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        var token = stop.Token;
        if (options.Stdout || options.Stderr)
        {
            await socket.SendAsync(options.Stdout ? ChannelFraming.Stdout : ChannelFraming.Stderr, ReadOnlyMemory<byte>.Empty, token).ConfigureAwait(false);
        }

        var receive = ReceiveAsync(token);
        var outputs = Task.WhenAll(PumpAsync(process.Stdout, ChannelFraming.Stdout, token), PumpAsync(process.Stderr, ChannelFraming.Stderr, token));
        var finished = await Task.WhenAny(process.ExitCode, receive).ConfigureAwait(false);
        if (finished == receive && !process.ExitCode.IsCompleted)
        {
            await stop.CancelAsync().ConfigureAwait(false); // the client left before the process ended
            await process.DisposeAsync().ConfigureAwait(false);
            await IgnoreFailuresAsync(outputs).ConfigureAwait(false);
            return;
        }

        JsonObject exit;
        try
        {
            exit = ExitStatus.For(await process.ExitCode.ConfigureAwait(false));
        }
        catch (Api.ApiException ex)
        {
            exit = ex.ToStatus(); // a remote node failed the command or hung up
        }

        await IgnoreFailuresAsync(outputs).ConfigureAwait(false);
        var status = JsonSerializer.SerializeToUtf8Bytes(exit);
        try
        {
            await socket.SendAsync(ChannelFraming.Error, status, token).ConfigureAwait(false);
            await socket.CloseAsync(token).ConfigureAwait(false);
        }
        catch (WebSocketException)
        {
            // The client went away.
        }

        await stop.CancelAsync().ConfigureAwait(false);
        await IgnoreFailuresAsync(receive).ConfigureAwait(false);
        await process.DisposeAsync().ConfigureAwait(false);
    }

    private async Task PumpAsync(Stream? output, byte channel, CancellationToken token)
    {
        if (output is null)
        {
            return;
        }

        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await output.ReadAsync(buffer, token).ConfigureAwait(false)) > 0)
        {
            await socket.SendAsync(channel, buffer.AsMemory(0, read), token).ConfigureAwait(false);
        }
    }

    private async Task ReceiveAsync(CancellationToken token)
    {
        while (await socket.ReceiveAsync(token).ConfigureAwait(false) is { } message)
        {
            switch (message.Channel)
            {
                case ChannelFraming.Stdin when process.Stdin is { } stdin:
                    await stdin.WriteAsync(message.Payload, token).ConfigureAwait(false);
                    await stdin.FlushAsync(token).ConfigureAwait(false);
                    break;
                case ChannelFraming.Close when message.Payload is [ChannelFraming.Stdin] && process.Stdin is { } stdin:
                    await stdin.DisposeAsync().ConfigureAwait(false);
                    break;
                case ChannelFraming.Resize when TryParseSize(message.Payload, out var width, out var height):
                    await process.ResizeAsync(width, height, token).ConfigureAwait(false);
                    break;
            }
        }

        if (process.Stdin is { } open)
        {
            await open.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Parses <c>{"Width":100,"Height":30}</c>.</summary>
    public static bool TryParseSize(byte[] payload, out ushort width, out ushort height)
    {
        width = height = 0;
        try
        {
            if (JsonNode.Parse(payload) is JsonObject size)
            {
                width = (ushort?)size["Width"] ?? 0;
                height = (ushort?)size["Height"] ?? 0;
                return true;
            }
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or OverflowException)
        {
            // Ignore a malformed resize, as the kubelet does.
        }

        return false;
    }

    private static async Task IgnoreFailuresAsync(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The connection or the process ended first.
        }
    }
}
