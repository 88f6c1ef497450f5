using System.IO.Pipelines;

namespace SuperKube.Runtime.Docker;

/// <summary>
/// A read-only stream fed by a background pump (demultiplexing an engine stream, for example). The pump ends the
/// stream when it returns; disposing the stream cancels the pump.
/// </summary>
internal sealed class PumpedStream : ReadOnlyForwardingStream
{
    private readonly CancellationTokenSource _stop = new();

    private PumpedStream(Pipe pipe, Func<Stream, CancellationToken, Task> pump)
        : base(pipe.Reader.AsStream())
    {
        Completion = RunAsync(pipe.Writer, pump, _stop.Token);
    }

    /// <summary>Completes when the pump has ended and the stream's writer is closed.</summary>
    public Task Completion { get; }

    /// <summary>Starts <paramref name="pump"/>, which writes the stream's content to the stream it is given.</summary>
    public static PumpedStream Start(Func<Stream, CancellationToken, Task> pump) => new(new Pipe(), pump);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stop.Cancel();
            Inner.Dispose();
            _stop.Dispose();
        }

        base.Dispose(disposing);
    }

    private static async Task RunAsync(PipeWriter writer, Func<Stream, CancellationToken, Task> pump, CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            await pump(writer.AsStream(leaveOpen: true), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException or InvalidOperationException or EndOfStreamException)
        {
            // The reader went away, the engine closed the connection, or a byte limit was reached: the stream just ends.
        }
        finally
        {
            await writer.CompleteAsync().ConfigureAwait(false);
        }
    }
}
