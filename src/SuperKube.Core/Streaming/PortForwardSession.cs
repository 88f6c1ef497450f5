using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using SuperKube.Api;
using SuperKube.Streaming.Spdy;

namespace SuperKube.Streaming;

/// <summary>
/// One port-forward connection: every local connection of the client opens an error stream and a data stream with
/// the same <c>requestid</c>. Each SYN_STREAM gets a SYN_REPLY; the data stream is joined to a connection into the
/// pod; failures are written as text on the error stream; PINGs are echoed. The pod's bytes go to the client spliced
/// in the kernel when both ends are plain sockets (<see cref="SplicedDataPump"/>), copied through buffers otherwise.
/// </summary>
internal sealed class PortForwardSession(SpdyConnection spdy, IPodStreamProvider provider, PodStreamTarget target)
{
    /// <summary>
    /// The size of a pump buffer: a DATA frame's headers and up to 1 MiB less their length read from the pod. A bulk copy moves
    /// in few large frames, which costs the server and kubectl about a quarter less CPU per byte than 64 KiB frames
    /// (docs/benchmarks.md, "Docker runtime"); a read returns what the pod has sent, so small exchanges stay small frames.
    /// A power of two, so the pooled arrays are not rounded up.
    /// </summary>
    private const int BufferSize = 1024 * 1024;

    private readonly ConcurrentDictionary<string, uint> _errorStreams = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<uint, Stream> _connections = new();
    private readonly ConcurrentDictionary<uint, SplicedDataPump> _splices = new();
    private readonly List<Task> _pumps = [];

    public async Task RunAsync(CancellationToken aborted)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        try
        {
            while (await spdy.ReadAsync(stop.Token).ConfigureAwait(false) is { } frame)
            {
                switch (frame.Type)
                {
                    case SpdyFrame.SynStream:
                        await OnSynStreamAsync(frame, stop.Token).ConfigureAwait(false);
                        break;
                    case SpdyFrame.Data when _connections.TryGetValue(frame.StreamId, out var connection) && frame.Payload.Length > 0:
                        await WriteOrResetAsync(frame.StreamId, connection, frame.Payload, stop.Token).ConfigureAwait(false);
                        break;
                    case SpdyFrame.RstStream:
                        Close(frame.StreamId);
                        break;
                    case SpdyFrame.Ping:
                        await spdy.WriteAsync(frame, stop.Token).ConfigureAwait(false);
                        break;
                    case SpdyFrame.GoAway:
                        return;
                }
            }
        }
        catch (Exception ex) when (IsDisconnect(ex))
        {
            // The client went away.
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            foreach (var id in _connections.Keys)
            {
                Close(id);
            }

            foreach (var pump in _pumps)
            {
                await IgnoreDisconnectAsync(pump).ConfigureAwait(false);
            }
        }
    }

    private async Task OnSynStreamAsync(SpdyFrame frame, CancellationToken token)
    {
        var headers = spdy.Headers(frame);
        await spdy.ReplyAsync(frame.StreamId, token).ConfigureAwait(false);
        var requestId = headers.GetValueOrDefault("requestid", "");
        var portText = headers.GetValueOrDefault("port", "");
        if (headers.GetValueOrDefault("streamtype") == "error")
        {
            _errorStreams[requestId] = frame.StreamId;
            return;
        }

        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is <= 0 or > 65535)
        {
            await FailAsync(requestId, frame.StreamId, $"invalid port {portText}", token).ConfigureAwait(false);
            return;
        }

        Stream connection;
        try
        {
            connection = await provider.PortForwardAsync(target.Json, port, token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var why = ex is ApiException api ? api.Message : ex.Message;
            var uid = target.Pod.Metadata?.Uid ?? "";
            await FailAsync(requestId, frame.StreamId, $"error forwarding port {port} to pod {target.Name}, uid {uid}: {why}", token).ConfigureAwait(false);
            return;
        }

        _connections[frame.StreamId] = connection;
        _pumps.Add(PumpAsync(requestId, frame.StreamId, connection, token));
    }

    /// <summary>Sends the pod's side as DATA frames, spliced or copied; at its end, closes the data and error streams.</summary>
    private async Task PumpAsync(string requestId, uint streamId, Stream connection, CancellationToken token)
    {
        if (!await TrySpliceAsync(streamId, connection, token).ConfigureAwait(false))
        {
            await CopyAsync(streamId, connection, token).ConfigureAwait(false);
        }

        if (_connections.ContainsKey(streamId))
        {
            await spdy.WriteAsync(SpdyFrame.DataFrame(streamId, [], fin: true), token).ConfigureAwait(false);
            if (_errorStreams.TryRemove(requestId, out var errorStream))
            {
                await spdy.WriteAsync(SpdyFrame.DataFrame(errorStream, [], fin: true), token).ConfigureAwait(false);
            }

            Close(streamId);
        }
    }

    /// <summary>Splices the pod's side to the client to its end; false, with nothing read from the pod, when it must be copied.</summary>
    private async Task<bool> TrySpliceAsync(uint streamId, Stream connection, CancellationToken token)
    {
        if (SplicedDataPump.TryStart(spdy, streamId, connection, token) is not { } pump)
        {
            return false;
        }

        _splices[streamId] = pump;
        try
        {
            if (!_connections.ContainsKey(streamId))
            {
                pump.Stop(); // reset before the pump was registered
            }

            return await pump.Completion.ConfigureAwait(false);
        }
        catch (IOException)
        {
            return true; // the client's side failed: the frames after it fail the same way
        }
        finally
        {
            _splices.TryRemove(streamId, out _);
        }
    }

    /// <summary>
    /// Copies the pod's side to DATA frames. Reads straight into the frame after its headers (SPDY's and the
    /// WebSocket's), and reads the next chunk while the previous frame is being sent (two pooled buffers).
    /// </summary>
    private async Task CopyAsync(uint streamId, Stream connection, CancellationToken token)
    {
        byte[][] buffers = [ArrayPool<byte>.Shared.Rent(BufferSize), ArrayPool<byte>.Shared.Rent(BufferSize)];
        var sending = Task.CompletedTask;
        var prefix = spdy.DataPrefixLength;
        try
        {
            for (var turn = 0; ; turn ^= 1)
            {
                var buffer = buffers[turn];
                var read = await connection.ReadAsync(buffer.AsMemory(prefix, BufferSize - prefix), token).ConfigureAwait(false);
                await sending.ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                sending = spdy.WriteDataAsync(streamId, buffer.AsMemory(0, prefix + read), token);
            }
        }
        catch (Exception ex) when (ex is ObjectDisposedException or IOException or InvalidOperationException)
        {
            // Reset by the client.
        }
        finally
        {
            // No frame is in flight once this is done, so the buffers can go back to the pool.
            await IgnoreDisconnectAsync(sending).ConfigureAwait(false);
            foreach (var buffer in buffers)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    private async Task FailAsync(string requestId, uint dataStream, string message, CancellationToken token)
    {
        if (_errorStreams.TryRemove(requestId, out var errorStream))
        {
            await spdy.WriteAsync(SpdyFrame.DataFrame(errorStream, Encoding.UTF8.GetBytes(message), fin: false), token).ConfigureAwait(false);
            await spdy.WriteAsync(SpdyFrame.DataFrame(errorStream, [], fin: true), token).ConfigureAwait(false);
        }

        await spdy.WriteAsync(SpdyFrame.DataFrame(dataStream, [], fin: true), token).ConfigureAwait(false);
    }

    private async Task WriteOrResetAsync(uint streamId, Stream connection, byte[] payload, CancellationToken token)
    {
        try
        {
            await connection.WriteAsync(payload, token).ConfigureAwait(false);
            await connection.FlushAsync(token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ObjectDisposedException or IOException or InvalidOperationException)
        {
            Close(streamId);
            await spdy.WriteAsync(SpdyFrame.RstStreamFrame(streamId, SpdyFrame.StatusCancel), token).ConfigureAwait(false);
        }
    }

    private void Close(uint streamId)
    {
        if (_splices.TryGetValue(streamId, out var pump))
        {
            pump.Stop();
        }

        if (_connections.TryRemove(streamId, out var connection))
        {
            connection.Dispose();
        }
    }

    private static bool IsDisconnect(Exception ex) =>
        ex is OperationCanceledException or WebSocketException or IOException or EndOfStreamException or InvalidDataException or ObjectDisposedException;

    private static async Task IgnoreDisconnectAsync(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception ex) when (IsDisconnect(ex))
        {
            // Ended with the connection.
        }
    }
}
