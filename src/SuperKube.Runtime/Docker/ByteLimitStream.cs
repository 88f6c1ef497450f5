namespace SuperKube.Runtime.Docker;

/// <summary>A write-only pass-through that lets <c>limit</c> bytes through, then throws <see cref="EndOfStreamException"/>.</summary>
internal sealed class ByteLimitStream(Stream inner, long limit) : Stream
{
    private long _left = limit;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var take = (int)Math.Min(buffer.Length, _left);
        if (take > 0)
        {
            await inner.WriteAsync(buffer[..take], cancellationToken).ConfigureAwait(false);
            _left -= take;
        }

        if (_left <= 0)
        {
            throw new EndOfStreamException("log byte limit reached");
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
