using SuperKube.Splicing;
using SuperKube.Streaming.Spdy;

namespace SuperKube.Streaming;

/// <summary>The server end of a SPDY/3.1 connection over a byte stream: frame reads, and serialised frame writes with header compression.</summary>
internal sealed class SpdyConnection(Stream transport) : IDisposable
{
    private readonly SemaphoreSlim _write = new(1, 1);
    private readonly SpdyHeaderCodec _compressor = SpdyHeaderCodec.Compressor();
    private readonly SpdyHeaderCodec _decompressor = SpdyHeaderCodec.Decompressor();
    private readonly int _headroom = transport is IFrameHeadroomStream framing ? framing.Headroom : 0;

    /// <summary>How many bytes in front of a DATA frame's payload <see cref="WriteDataAsync"/> needs free: the frame header, and the transport's own header when it frames its writes.</summary>
    public int DataPrefixLength => _headroom + SpdyFrame.HeaderLength;

    /// <summary>Whether <see cref="SpliceData"/> works: the transport writes straight to its socket.</summary>
    public bool CanSplice => transport is ISplicedFrameStream { CanSplice: true };

    public Task<SpdyFrame?> ReadAsync(CancellationToken cancellationToken) => SpdyFrame.ReadAsync(transport, cancellationToken);

    /// <summary>The headers of a SYN_STREAM (reads are sequential, so the decompressor needs no lock).</summary>
    public Dictionary<string, string> Headers(SpdyFrame synStream) => SpdyHeaderBlock.Decode(_decompressor.Decompress(synStream.SynStreamHeaderBlock));

    public Task ReplyAsync(uint streamId, CancellationToken cancellationToken) =>
        WriteAsync(() => SpdyFrame.SynReplyFrame(streamId, _compressor.Compress(SpdyHeaderBlock.Encode([]))), cancellationToken);

    public Task WriteAsync(SpdyFrame frame, CancellationToken cancellationToken) => WriteAsync(() => frame, cancellationToken);

    /// <summary>
    /// Sends a DATA frame whose payload the caller has already placed after <see cref="DataPrefixLength"/> bytes of
    /// <paramref name="buffer"/>: the headers are written in front and the frame goes out in one write, without copies.
    /// </summary>
    public async Task WriteDataAsync(uint streamId, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        SpdyFrame.WriteDataHeader(buffer.Span[_headroom..], streamId, buffer.Length - DataPrefixLength, fin: false);
        await _write.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (transport is IFrameHeadroomStream framing)
            {
                await framing.WriteWithHeadroomAsync(buffer, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await transport.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _write.Release();
        }
    }

    /// <summary>
    /// Sends a DATA frame of <paramref name="length"/> bytes that <paramref name="pipe"/> holds, spliced into the
    /// transport's socket; blocks the calling thread. DATA frames carry no compressed headers, so only the
    /// transport's own write lock orders them with the other frames.
    /// </summary>
    public void SpliceData(uint streamId, KernelPipe pipe, int length, SocketWaiter waiter)
    {
        Span<byte> header = stackalloc byte[SpdyFrame.HeaderLength];
        SpdyFrame.WriteDataHeader(header, streamId, length, fin: false);
        ((ISplicedFrameStream)transport).SendSpliced(header, pipe, length, waiter);
    }

    public void Dispose()
    {
        _write.Dispose();
        _compressor.Dispose();
        _decompressor.Dispose();
    }

    /// <summary>Builds the frame under the write lock, so compressed header blocks go out in compression order.</summary>
    private async Task WriteAsync(Func<SpdyFrame> build, CancellationToken cancellationToken)
    {
        await _write.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await transport.WriteAsync(build().ToBytes(), cancellationToken).ConfigureAwait(false);
            await transport.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _write.Release();
        }
    }
}
