using System.IO.Pipelines;

namespace SuperKube.Runtime.Docker;

/// <summary>
/// A read-only stream fed by a background pump (demultiplexing an engine stream, for example). The pump ends the
/// stream when it returns; disposing the stream cancels the pump.
/// </summary>
internal sealed class PumpedStream : Stream
{
    private readonly Stream _reader;
    private readonly CancellationTokenSource _stop = new();

    private PumpedStream(Pipe pipe, Func<Stream, CancellationToken, Task> pump)
    {
        _reader = pipe.Reader.AsStream();
        Completion = RunAsync(pipe.Writer, pump, _stop.Token);
    }

    /// <summary>Completes when the pump has ended and the stream's writer is closed.</summary>
    public Task Completion { get; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>Starts <paramref name="pump"/>, which writes the stream's content to the stream it is given.</summary>
    public static PumpedStream Start(Func<Stream, CancellationToken, Task> pump) => new(new Pipe(), pump);

    public override int Read(byte[] buffer, int offset, int count) => _reader.Read(buffer, offset, count);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => _reader.ReadAsync(buffer, cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        _reader.ReadAsync(buffer, offset, count, cancellationToken);

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stop.Cancel();
            _reader.Dispose();
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
