using SuperKube.Splicing;

namespace SuperKube.Runtime.ServiceProxy.Relay;

/// <summary>
/// One direction of a spliced connection: bytes go from the source socket into a <see cref="KernelPipe"/> and from
/// the pipe to the destination socket, never through user space. At the source's end of stream (and once the pipe is
/// drained) the destination's sending side is shut down, passing the half-close on. Not thread-safe: only its
/// <see cref="SpliceLoop"/> thread touches it.
/// </summary>
internal sealed class SpliceDirection(int source, int destination, KernelPipe pipe)
{
    /// <summary>Read/write rounds per <see cref="Pump"/>, so one busy connection cannot starve the others of its loop.</summary>
    private const int RoundsPerPump = 16;

    private long _buffered;
    private bool _sourceEnded;

    public int Source => source;

    public int Destination => destination;

    /// <summary>The source ended and every byte was delivered; the destination was shut down for sending.</summary>
    public bool Done { get; private set; }

    /// <summary>Bytes delivered to the destination so far.</summary>
    public long Delivered { get; private set; }

    /// <summary>
    /// Waiting for the source to become readable: only with an empty pipe, since a full pipe also answers EAGAIN and
    /// would make a level-triggered readable source wake the loop for nothing.
    /// </summary>
    public bool WantsSource => !Done && !_sourceEnded && _buffered == 0;

    /// <summary>Waiting for the destination to become writable (the pipe holds bytes it did not take).</summary>
    public bool WantsDestination => !Done && _buffered > 0;

    /// <summary>Moves what can be moved now without blocking; 0, or the errno that ended this direction.</summary>
    public int Pump()
    {
        for (var round = 0; round < RoundsPerPump && !Done; round++)
        {
            var progress = false;
            if (!_sourceEnded && _buffered < pipe.Size)
            {
                var read = pipe.FillFrom(source, (int)(pipe.Size - _buffered));
                if (read > 0)
                {
                    _buffered += read;
                    progress = true;
                }
                else if (read == 0)
                {
                    _sourceEnded = true;
                    progress = true;
                }
                else if (Libc.Errno is var error && error != Libc.EAGAIN)
                {
                    return error;
                }
            }

            if (_buffered > 0)
            {
                var written = pipe.DrainTo(destination, (int)_buffered);
                if (written > 0)
                {
                    _buffered -= written;
                    Delivered += written;
                    progress = true;
                }
                else if (written < 0 && Libc.Errno is var error && error != Libc.EAGAIN)
                {
                    return error;
                }
            }

            if (_sourceEnded && _buffered == 0)
            {
                _ = Libc.shutdown(destination, Libc.ShutWrite); // ENOTCONN when the peer is gone: the other direction sees it
                Done = true;
            }

            if (!progress)
            {
                break;
            }
        }

        return 0;
    }
}
