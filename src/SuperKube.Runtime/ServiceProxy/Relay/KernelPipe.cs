namespace SuperKube.Runtime.ServiceProxy.Relay;

/// <summary>
/// A non-blocking kernel pipe: the buffer spliced bytes sit in between the two sockets (the kernel moves page
/// references, not bytes). Its capacity is raised to <see cref="Capacity"/> where the system allows.
/// </summary>
internal sealed class KernelPipe : IDisposable
{
    /// <summary>The pipe size asked for; the kernel keeps its default (64 KiB) when it refuses.</summary>
    public const int Capacity = 256 * 1024;

    private const int DefaultSize = 64 * 1024;

    private bool _disposed;

    private KernelPipe(int read, int write, int size)
    {
        ReadEnd = read;
        WriteEnd = write;
        Size = size;
    }

    public int ReadEnd { get; }

    public int WriteEnd { get; }

    /// <summary>Bytes the pipe holds at most.</summary>
    public int Size { get; }

    /// <summary>A new pipe, or null with the errno when the process is out of descriptors or memory.</summary>
    public static KernelPipe? TryCreate(out int errno)
    {
        var fds = new int[2];
        if (Libc.pipe2(fds, Libc.ONonBlock | Libc.OCloExec) != 0)
        {
            errno = Libc.Errno;
            return null;
        }

        var size = Libc.fcntl(fds[1], Libc.FSetPipeSize, Capacity); // best effort: the default size works, only slower
        errno = 0;
        return new KernelPipe(fds[0], fds[1], size > 0 ? size : DefaultSize);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _ = Libc.close(ReadEnd);
        _ = Libc.close(WriteEnd);
    }
}
