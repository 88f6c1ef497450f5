using System.Net.Sockets;
using SuperKube.Splicing;

namespace SuperKube.Streaming;

/// <summary>
/// Port-forward's zero-copy direction from the pod to the client, on a thread of its own: waits for the pod's socket,
/// splices what it has into a kernel pipe (up to <see cref="PipeSize"/>), then sends one DATA frame of that length
/// whose headers are written with send(2) and whose payload the kernel splices from the pipe into the client's socket
/// (<see cref="SpdyConnection.SpliceData"/>). The bytes never enter the process. Started only when both ends are
/// sockets the kernel can splice (<see cref="TryStart"/>); otherwise the session copies.
/// </summary>
internal sealed class SplicedDataPump
{
    /// <summary>Streams spliced at once at most (a thread, a 1 MiB pipe and three descriptors each); more are copied.</summary>
    public const int MaxActive = 64;

    /// <summary>The pipe's size, so the longest frame: as with the copying pump, a bulk copy moves in few large frames.</summary>
    public const int PipeSize = 1024 * 1024;

    private static int s_active;
    private static long s_started;

    private readonly SpdyConnection _spdy;
    private readonly uint _streamId;
    private readonly SafeSocketHandle _pod;
    private readonly KernelPipe _pipe;
    private readonly SocketWaiter _waiter;
    private readonly TaskCompletionSource<bool> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SplicedDataPump(SpdyConnection spdy, uint streamId, SafeSocketHandle pod, KernelPipe pipe, SocketWaiter waiter)
    {
        _spdy = spdy;
        _streamId = streamId;
        _pod = pod;
        _pipe = pipe;
        _waiter = waiter;
    }

    /// <summary>Streams spliced now.</summary>
    public static int Active => Volatile.Read(ref s_active);

    /// <summary>Streams spliced since the process started.</summary>
    public static long Started => Interlocked.Read(ref s_started);

    /// <summary>
    /// True once the pod's side ended (end of stream or reset) and all it sent went out, or after <see cref="Stop"/>;
    /// false when the kernel refused to splice before any byte moved (copy instead). Faults when the client's side failed
    /// or the session was aborted.
    /// </summary>
    public Task<bool> Completion => _completion.Task;

    /// <summary>
    /// Whether this stream can be spliced: Linux, a transport that writes to its own socket, and a pod connection that
    /// is a TCP socket (the Docker runtime's); everything else (the Fake runtime, remote nodes, HTTP/2, TLS) is copied.
    /// </summary>
    public static bool CanSplice(SpdyConnection spdy, Stream pod) =>
        Libc.IsSupported && spdy.CanSplice && pod is SpliceableNetworkStream { Socket.SocketType: SocketType.Stream };

    /// <summary>A running pump, or null when this stream is to be copied (see <see cref="CanSplice"/>, <see cref="MaxActive"/>, descriptors).</summary>
    public static SplicedDataPump? TryStart(SpdyConnection spdy, uint streamId, Stream pod, CancellationToken aborted)
    {
        if (!CanSplice(spdy, pod))
        {
            return null;
        }

        if (Interlocked.Increment(ref s_active) > MaxActive)
        {
            Interlocked.Decrement(ref s_active);
            return null;
        }

        var handle = ((SpliceableNetworkStream)pod).Socket.SafeHandle;
        var added = false;
        KernelPipe? pipe = null;
        SocketWaiter? waiter = null;
        try
        {
            handle.DangerousAddRef(ref added); // the descriptor cannot be closed and reused under the thread
            if (Libc.SetNonBlocking((int)handle.DangerousGetHandle())
                && (pipe = KernelPipe.TryCreate(PipeSize)) is not null && (waiter = SocketWaiter.TryCreate(aborted)) is not null)
            {
                var pump = new SplicedDataPump(spdy, streamId, handle, pipe, waiter);
                Interlocked.Increment(ref s_started);
                new Thread(pump.Run) { IsBackground = true, Name = $"port-forward splice {streamId}" }.Start();
                return pump;
            }
        }
        catch (ObjectDisposedException)
        {
            // The pod's socket closed meanwhile: undone below.
        }

        pipe?.Dispose();
        waiter?.Dispose();
        if (added)
        {
            handle.DangerousRelease();
        }

        Interlocked.Decrement(ref s_active);
        return null;
    }

    /// <summary>Ends the pump before its next frame (the client reset the stream, or the pod's connection closed).</summary>
    public void Stop() => _waiter.Stop();

    private void Run()
    {
        try
        {
            _completion.TrySetResult(Pump());
        }
        catch (Exception ex)
        {
            _completion.TrySetException(ex);
        }
        finally
        {
            _waiter.Dispose();
            _pipe.Dispose();
            _pod.DangerousRelease();
            Interlocked.Decrement(ref s_active);
        }
    }

    private bool Pump()
    {
        var pod = (int)_pod.DangerousGetHandle();
        var moved = false;
        while (_waiter.WaitReadable(pod))
        {
            var (length, ended, errno) = Fill(pod);
            if (!moved && length == 0 && errno == Libc.EINVAL)
            {
                return false;
            }

            if (length > 0)
            {
                moved = true;
                _spdy.SpliceData(_streamId, _pipe, length, _waiter);
            }

            if (ended)
            {
                break;
            }
        }

        return true;
    }

    /// <summary>
    /// Splices what the pod has sent into the empty pipe until the socket has no more now or the pipe is full: the
    /// bytes buffered, whether the pod's side ended (end of stream, or a failure with its errno).
    /// </summary>
    private (int Length, bool Ended, int Errno) Fill(int pod)
    {
        var length = 0;
        while (length < _pipe.Size)
        {
            var read = _pipe.FillFrom(pod, _pipe.Size - length);
            if (read > 0)
            {
                length += (int)read;
                continue;
            }

            if (read == 0)
            {
                return (length, true, 0);
            }

            var errno = Libc.Errno;
            if (errno == Libc.EINTR)
            {
                continue;
            }

            return errno == Libc.EAGAIN ? (length, false, 0) : (length, true, errno);
        }

        return (length, false, 0);
    }
}
