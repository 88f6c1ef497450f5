using System.Runtime.InteropServices;

namespace SuperKube.Splicing;

/// <summary>
/// Blocking I/O on non-blocking sockets for a thread of its own: waits for readiness with <c>poll(2)</c> next to an
/// eventfd that other threads signal to interrupt it. <see cref="Stop"/> ends waits for input (the caller finishes what
/// it started), an abort (the token given at creation) also ends waits for output, since the peer is gone anyway.
/// </summary>
internal sealed class SocketWaiter : IDisposable
{
    private readonly int _signal;
    private readonly Libc.PollFd[] _fds = new Libc.PollFd[2];
    private readonly Lock _gate = new();
    private readonly CancellationTokenRegistration _abortRegistration;
    private volatile bool _stopped;
    private bool _disposed;

    private SocketWaiter(int signal, CancellationToken abort)
    {
        _signal = signal;
        AbortToken = abort;
        _abortRegistration = abort.Register(Signal);
    }

    /// <summary>Cancelled when waits for output must end too.</summary>
    public CancellationToken AbortToken { get; }

    /// <summary>Whether <see cref="Stop"/> was called or the abort token fired.</summary>
    public bool Stopped => _stopped || AbortToken.IsCancellationRequested;

    /// <summary>A waiter, or null when the process is out of descriptors.</summary>
    public static SocketWaiter? TryCreate(CancellationToken abort)
    {
        var signal = Libc.eventfd(0, Libc.OCloExec | Libc.ONonBlock);
        return signal < 0 ? null : new SocketWaiter(signal, abort);
    }

    /// <summary>Ends the current and any later <see cref="WaitReadable"/> (from any thread).</summary>
    public void Stop()
    {
        _stopped = true;
        Signal();
    }

    /// <summary>Waits until <paramref name="fd"/> is readable (or hung up); false once stopped or aborted.</summary>
    public bool WaitReadable(int fd)
    {
        while (!Stopped)
        {
            if (WaitFor(fd, Libc.PollIn))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Sends all of <paramref name="bytes"/>; <paramref name="more"/> tells the kernel that more of the message follows.</summary>
    public void SendAll(int fd, ReadOnlySpan<byte> bytes, bool more)
    {
        var flags = Libc.MsgNoSignal | (more ? Libc.MsgMore : 0);
        while (!bytes.IsEmpty)
        {
            var sent = Libc.send(fd, ref MemoryMarshal.GetReference(bytes), (nuint)bytes.Length, flags);
            if (sent > 0)
            {
                bytes = bytes[(int)sent..];
            }
            else
            {
                OnWriteFailed(fd, "send");
            }
        }
    }

    /// <summary>Moves <paramref name="count"/> bytes the pipe holds to <paramref name="fd"/>.</summary>
    public void SpliceAll(KernelPipe pipe, int fd, int count)
    {
        while (count > 0)
        {
            var moved = pipe.DrainTo(fd, count);
            if (moved > 0)
            {
                count -= (int)moved;
            }
            else
            {
                OnWriteFailed(fd, "splice");
            }
        }
    }

    public void Dispose()
    {
        _abortRegistration.Dispose(); // waits for a running callback
        lock (_gate)
        {
            if (!_disposed)
            {
                _disposed = true;
                _ = Libc.close(_signal);
            }
        }
    }

    /// <summary>After a write moved nothing: waits for room on EAGAIN (unless aborted), retries on EINTR, throws otherwise.</summary>
    private void OnWriteFailed(int fd, string call)
    {
        var errno = Libc.Errno;
        if (errno == Libc.EINTR)
        {
            return;
        }

        if (errno != Libc.EAGAIN)
        {
            throw new IOException($"{call} to the client failed (errno {errno})");
        }

        // The flags are looked at before every wait: a wait may consume the signal while the socket also became ready.
        do
        {
            AbortToken.ThrowIfCancellationRequested();
        }
        while (!WaitFor(fd, Libc.PollOut));
    }

    /// <summary>True when <paramref name="fd"/> reported <paramref name="events"/> (or an error), false when signalled.</summary>
    private bool WaitFor(int fd, short events)
    {
        _fds[0] = new Libc.PollFd { Fd = fd, Events = events };
        _fds[1] = new Libc.PollFd { Fd = _signal, Events = Libc.PollIn };
        if (Libc.poll(_fds, 2, -1) < 0)
        {
            return false; // EINTR: the caller looks at its flags and waits again
        }

        if (_fds[1].Returned != 0)
        {
            ulong drained = 0;
            _ = Libc.read(_signal, ref drained, sizeof(ulong));
        }

        return _fds[0].Returned != 0;
    }

    private void Signal()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                ulong one = 1;
                _ = Libc.write(_signal, ref one, sizeof(ulong));
            }
        }
    }
}
