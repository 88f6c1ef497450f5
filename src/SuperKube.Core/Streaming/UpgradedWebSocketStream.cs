using System.Buffers;
using System.Buffers.Binary;
using System.Net.Sockets;
using System.Numerics;
using System.Runtime.InteropServices;
using SuperKube.Splicing;

namespace SuperKube.Streaming;

/// <summary>
/// The server end of a WebSocket (RFC 6455) on an upgraded HTTP/1.1 connection, framed here rather than by .NET's
/// <see cref="System.Net.WebSockets.WebSocket"/>, so bulk writes go out without a copy into a send buffer
/// (<see cref="IFrameHeadroomStream"/>). Like <see cref="WebSocketByteStream"/>: the payloads of data messages read as
/// one byte stream (empty messages skipped), each write is one binary message, and the stream ends at the close frame
/// (which is answered). Pings are answered with pongs, and an empty pong goes out every <see cref="KeepAlive"/>.
/// Given the connection's socket, it writes straight to the socket instead of through Kestrel, so messages can also be
/// spliced into it (<see cref="ISplicedFrameStream"/>).
/// </summary>
internal sealed class UpgradedWebSocketStream : AsyncByteStream, IFrameHeadroomStream, ISplicedFrameStream
{
    /// <summary>The longest header of a server frame: 2 bytes and a 64-bit length (servers do not mask).</summary>
    public const int MaxHeaderLength = 10;

    private const byte Fin = 0x80;
    private const byte OpContinuation = 0x0, OpText = 0x1, OpBinary = 0x2, OpClose = 0x8, OpPing = 0x9, OpPong = 0xA;
    private const int MaxControlPayload = 125;

    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(30);

    private readonly Stream _connection;
    private readonly Stream _output;
    private readonly SafeSocketHandle? _socket;
    private readonly TaskCompletionSource _clientSpoke = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _write = new(1, 1);
    private readonly byte[] _header = new byte[MaxHeaderLength + 4];
    private readonly CancellationTokenSource _disposed = new();
    private readonly Task _keepAlive;
    private long _remaining;
    private uint _mask;
    private int _maskOffset;
    private bool _closed;
    private bool _closeSent;
    private bool _frameCut;
    private bool _isDisposed;

    /// <param name="connection">The upgraded connection, for reading (and for writing, without <paramref name="socket"/>).</param>
    /// <param name="socket">
    /// The connection's own socket when nothing transforms its bytes (no TLS, HTTP/1.1): then every write goes straight
    /// to it, and only after the client's first bytes arrived, since a client speaks only once it has the handshake
    /// response, which Kestrel wrote; nothing else is written through Kestrel after that.
    /// </param>
    public UpgradedWebSocketStream(Stream connection, Socket? socket = null)
    {
        _connection = connection;
        _output = connection;
        if (socket is not null)
        {
            var added = false;
            socket.SafeHandle.DangerousAddRef(ref added); // its descriptor stays ours to splice into until disposed
            _socket = socket.SafeHandle;
            Libc.SetNonBlocking((int)_socket.DangerousGetHandle()); // as Kestrel's already is: blocked writes wait in poll(2)
            _output = new NetworkStream(socket, ownsSocket: false);
        }

        _keepAlive = KeepAliveAsync(_disposed.Token);
    }

    public int Headroom => MaxHeaderLength;

    public bool CanSplice => _socket is not null;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        while (_remaining == 0)
        {
            if (_closed || !await ReadDataFrameHeaderAsync(cancellationToken).ConfigureAwait(false))
            {
                return 0;
            }
        }

        var read = await _connection.ReadAsync(buffer[..(int)Math.Min(buffer.Length, _remaining)], cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            throw new EndOfStreamException("the WebSocket connection ended inside a frame");
        }

        _remaining -= read;
        Unmask(buffer.Span[..read]);
        return read;
    }

    /// <summary>Sends <paramref name="buffer"/> as one binary message (copied behind a header; large writes use <see cref="WriteWithHeadroomAsync"/>).</summary>
    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var frame = ArrayPool<byte>.Shared.Rent(MaxHeaderLength + buffer.Length);
        try
        {
            buffer.CopyTo(frame.AsMemory(MaxHeaderLength));
            await WriteWithHeadroomAsync(frame.AsMemory(0, MaxHeaderLength + buffer.Length), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(frame);
        }
    }

    public ValueTask WriteWithHeadroomAsync(Memory<byte> buffer, CancellationToken cancellationToken) =>
        SendAsync(OpBinary, buffer, cancellationToken);

    /// <summary>
    /// Sends one binary message on the calling thread, blocking: the header, <paramref name="innerHeader"/>, then
    /// <paramref name="length"/> bytes spliced out of <paramref name="pipe"/>. A message cut short (the client failed,
    /// or <paramref name="waiter"/> was aborted) leaves the stream unusable for writing.
    /// </summary>
    public void SendSpliced(ReadOnlySpan<byte> innerHeader, KernelPipe pipe, int length, SocketWaiter waiter)
    {
        var socket = _socket ?? throw new InvalidOperationException("this WebSocket does not write to its socket");
        Span<byte> header = stackalloc byte[MaxHeaderLength + innerHeader.Length];
        var headerLength = HeaderLength(innerHeader.Length + length);
        WriteHeader(header[..headerLength], OpBinary, innerHeader.Length + length);
        innerHeader.CopyTo(header[headerLength..]);
        _write.Wait(waiter.AbortToken);
        try
        {
            ThrowIfCannotWrite();
            _frameCut = true; // until the whole message is out
            var fd = (int)socket.DangerousGetHandle();
            waiter.SendAll(fd, header[..(headerLength + innerHeader.Length)], more: true);
            waiter.SpliceAll(pipe, fd, length);
            _frameCut = false;
        }
        finally
        {
            _write.Release();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        if (!_isDisposed)
        {
            _isDisposed = true;
            await _disposed.CancelAsync().ConfigureAwait(false);
            await _keepAlive.ConfigureAwait(false);
            await _connection.DisposeAsync().ConfigureAwait(false);
            ReleaseSocket();
            _disposed.Dispose();
            _write.Dispose();
        }

        await base.DisposeAsync().ConfigureAwait(false);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_isDisposed)
        {
            _isDisposed = true;
            _disposed.Cancel();
            _keepAlive.GetAwaiter().GetResult();
            _connection.Dispose();
            ReleaseSocket();
            _disposed.Dispose();
            _write.Dispose();
        }

        base.Dispose(disposing);
    }

    private static int HeaderLength(long length) => length switch { <= MaxControlPayload => 2, <= ushort.MaxValue => 4, _ => MaxHeaderLength };

    /// <summary>Writes a final frame's header for a payload of <paramref name="length"/> bytes into <paramref name="header"/> (exactly <see cref="HeaderLength"/> long).</summary>
    private static void WriteHeader(Span<byte> header, byte opcode, long length)
    {
        header[0] = (byte)(Fin | opcode);
        switch (header.Length)
        {
            case 2:
                header[1] = (byte)length;
                break;
            case 4:
                header[1] = 126;
                BinaryPrimitives.WriteUInt16BigEndian(header[2..], (ushort)length);
                break;
            default:
                header[1] = 127;
                BinaryPrimitives.WriteUInt64BigEndian(header[2..], (ulong)length);
                break;
        }
    }

    private void ReleaseSocket()
    {
        if (_socket is not null)
        {
            _output.Dispose(); // does not own the socket
            _socket.DangerousRelease();
        }
    }

    private void ThrowIfCannotWrite()
    {
        if (_closeSent || _frameCut)
        {
            throw new IOException(_frameCut ? "the WebSocket connection broke off inside a message" : "the WebSocket is closed");
        }
    }

    /// <summary>
    /// Reads frame headers until one starts a data frame (true) or the close frame arrived (false, answered); answers
    /// pings on the way. Client frames must be masked (RFC 6455 §5.1).
    /// </summary>
    private async Task<bool> ReadDataFrameHeaderAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (await _connection.ReadAtLeastAsync(_header.AsMemory(0, 2), 2, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false) < 2)
            {
                _closed = true;
                return false;
            }

            _clientSpoke.TrySetResult();

            var opcode = (byte)(_header[0] & 0x0f);
            if ((_header[1] & 0x80) == 0)
            {
                throw new InvalidDataException("a client sent an unmasked WebSocket frame");
            }

            long length = _header[1] & 0x7f;
            var extra = length switch { 126 => 2, 127 => 8, _ => 0 };
            await _connection.ReadExactlyAsync(_header.AsMemory(2, extra + 4), cancellationToken).ConfigureAwait(false);
            length = extra switch
            {
                2 => BinaryPrimitives.ReadUInt16BigEndian(_header.AsSpan(2)),
                8 => checked((long)BinaryPrimitives.ReadUInt64BigEndian(_header.AsSpan(2))),
                _ => length,
            };
            _mask = MemoryMarshal.Read<uint>(_header.AsSpan(2 + extra));
            _maskOffset = 0;
            switch (opcode)
            {
                case OpContinuation or OpText or OpBinary:
                    _remaining = length;
                    if (length > 0)
                    {
                        return true;
                    }

                    continue;
                case OpClose or OpPing or OpPong when length <= MaxControlPayload && (_header[0] & Fin) != 0:
                    var payload = new byte[length];
                    await _connection.ReadExactlyAsync(payload, cancellationToken).ConfigureAwait(false);
                    Unmask(payload);
                    if (opcode == OpPong)
                    {
                        continue;
                    }

                    // A close is answered with its status code, a ping with its payload.
                    var answer = new byte[MaxHeaderLength + (opcode == OpClose ? Math.Min(2, payload.Length) : payload.Length)];
                    payload.AsSpan(0, answer.Length - MaxHeaderLength).CopyTo(answer.AsSpan(MaxHeaderLength));
                    await SendAsync(opcode == OpClose ? OpClose : OpPong, answer, cancellationToken).ConfigureAwait(false);
                    if (opcode == OpClose)
                    {
                        _closed = true;
                        return false;
                    }

                    continue;
                default:
                    throw new InvalidDataException($"invalid WebSocket frame (opcode {opcode}, length {length})");
            }
        }
    }

    /// <summary>Unmasks payload bytes in place, continuing the mask where the previous read of this frame stopped.</summary>
    private void Unmask(Span<byte> data)
    {
        var mask = BitConverter.IsLittleEndian
            ? BitOperations.RotateRight(_mask, 8 * _maskOffset)
            : BitOperations.RotateLeft(_mask, 8 * _maskOffset);
        _maskOffset = (_maskOffset + data.Length) & 3;
        var words = MemoryMarshal.Cast<byte, uint>(data);
        for (var i = 0; i < words.Length; i++)
        {
            words[i] ^= mask;
        }

        for (var i = words.Length * 4; i < data.Length; i++)
        {
            data[i] ^= (byte)(BitConverter.IsLittleEndian ? mask >> (8 * (i & 3)) : mask >> (24 - (8 * (i & 3))));
        }
    }

    /// <summary>Writes the header right before the payload (after <see cref="MaxHeaderLength"/> bytes) and sends header and payload in one write.</summary>
    private async ValueTask SendAsync(byte opcode, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var length = buffer.Length - MaxHeaderLength;
        var headerLength = HeaderLength(length);
        WriteHeader(buffer.Span.Slice(MaxHeaderLength - headerLength, headerLength), opcode, length);
        if (_socket is not null)
        {
            await _clientSpoke.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        await _write.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfCannotWrite();
            _closeSent = opcode == OpClose;
            await _output.WriteAsync(buffer[(MaxHeaderLength - headerLength)..], cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _write.Release();
        }
    }

    /// <summary>Sends an empty unsolicited pong every <see cref="KeepAlive"/> (as .NET's WebSocket does), until disposed.</summary>
    private async Task KeepAliveAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(KeepAlive);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                await SendAsync(OpPong, new byte[MaxHeaderLength], cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // Disposed, or the connection is gone: the reader sees that.
        }
    }
}
