using System.Globalization;
using System.IO.Pipelines;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using SuperKube.Api;

namespace SuperKube.Streaming.Remote;

/// <summary>
/// An exec or attach process on a remote node, seen through the node's channel WebSocket (<c>v5.channel.k8s.io</c>):
/// channels 1 and 2 feed <see cref="Stdout"/> and <see cref="Stderr"/>, the Status on channel 3 becomes
/// <see cref="ExitCode"/>, and stdin, its close and resizes go the other way.
/// </summary>
internal sealed class RemotePodProcess : IPodProcess
{
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(5);
    private readonly WebSocket _socket;
    private readonly ChannelSocket _channels;
    private readonly string _node;
    private readonly Pipe? _stdout;
    private readonly Pipe? _stderr;
    private readonly TaskCompletionSource<int> _exit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _receive;
    private int _disposed;

    public RemotePodProcess(WebSocket socket, PodProcessOptions options, string node)
    {
        _socket = socket;
        _channels = new ChannelSocket(socket, ChannelFraming.V5);
        _node = node;
        _stdout = options.Stdout ? new Pipe() : null;
        _stderr = options.Stderr ? new Pipe() : null;
        Stdin = options.Stdin ? new ChannelWriteStream(_channels, ChannelFraming.Stdin) : null;
        _receive = ReceiveAsync(_stop.Token);
    }

    public Stream? Stdin { get; }

    public Stream? Stdout => _stdout?.Reader.AsStream();

    public Stream? Stderr => _stderr?.Reader.AsStream();

    public Task<int> ExitCode => _exit.Task;

    public async ValueTask ResizeAsync(ushort width, ushort height, CancellationToken cancellationToken)
    {
        var size = JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["Width"] = width, ["Height"] = height });
        await _channels.SendAsync(ChannelFraming.Resize, size, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Hangs up: a close frame to the node (which ends its side of the session), then the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        using (var timeout = new CancellationTokenSource(CloseTimeout))
        {
            await _channels.CloseAsync(timeout.Token).ConfigureAwait(false);
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _receive.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped above.
        }

        _socket.Dispose();
        _channels.Dispose();
        _stop.Dispose();
    }

    /// <summary>Parses the node's exit Status: Success is 0, NonZeroExitCode carries the code, anything else is an error.</summary>
    public static bool TryExitCode(JsonObject status, out int exitCode, out ApiException? error)
    {
        exitCode = 0;
        error = null;
        if ((string?)status["status"] == "Success")
        {
            return true;
        }

        var causes = status["details"]?["causes"] as JsonArray ?? [];
        var code = causes.OfType<JsonObject>().Where(c => (string?)c["reason"] == "ExitCode").Select(c => (string?)c["message"]).FirstOrDefault();
        if ((string?)status["reason"] == "NonZeroExitCode" && int.TryParse(code, NumberStyles.Integer, CultureInfo.InvariantCulture, out exitCode))
        {
            return true;
        }

        error = new ApiException((int?)status["code"] ?? 500, (string?)status["reason"] ?? "InternalError", (string?)status["message"] ?? "the command failed on the node");
        return false;
    }

    private async Task ReceiveAsync(CancellationToken token)
    {
        try
        {
            while (await _channels.ReceiveAsync(token).ConfigureAwait(false) is { } message)
            {
                switch (message.Channel)
                {
                    case ChannelFraming.Stdout when _stdout is not null:
                        await _stdout.Writer.WriteAsync(message.Payload, token).ConfigureAwait(false);
                        break;
                    case ChannelFraming.Stderr when _stderr is not null:
                        await _stderr.Writer.WriteAsync(message.Payload, token).ConfigureAwait(false);
                        break;
                    case ChannelFraming.Error:
                        OnStatus(message.Payload);
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException)
        {
            // The node hung up; reported through ExitCode below.
        }
        finally
        {
            if (_stdout is not null)
            {
                await _stdout.Writer.CompleteAsync().ConfigureAwait(false);
            }

            if (_stderr is not null)
            {
                await _stderr.Writer.CompleteAsync().ConfigureAwait(false);
            }

            _exit.TrySetException(new ApiException(503, "ServiceUnavailable", $"the connection to node {_node} closed before the command reported its exit status"));
        }
    }

    private void OnStatus(byte[] payload)
    {
        JsonObject? status;
        try
        {
            status = JsonNode.Parse(payload) as JsonObject;
        }
        catch (JsonException)
        {
            status = null;
        }

        if (status is null)
        {
            _exit.TrySetException(new ApiException(500, "InternalError", $"node {_node} sent an unreadable exit status"));
        }
        else if (TryExitCode(status, out var exitCode, out var error))
        {
            _exit.TrySetResult(exitCode);
        }
        else
        {
            _exit.TrySetException(error!); // TryExitCode sets the error whenever it returns false
        }
    }
}
