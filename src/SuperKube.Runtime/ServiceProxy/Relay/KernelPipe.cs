namespace SuperKube.Runtime.ServiceProxy.Relay;

/// <summary>
/// A non-blocking kernel pipe of the default size (16 pages, 64 KiB): the buffer spliced bytes sit in between the two
/// sockets (the kernel moves page references, not bytes). Larger pipes (F_SETPIPE_SZ, 256 KiB and 1 MiB tried) made
/// no measurable difference, only fewer system calls, so each connection keeps this small footprint.
/// </summary>
internal sealed class KernelPipe : IDisposable
{
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

    /// <summary>A new pipe, or null when the process is out of descriptors or memory.</summary>
    public static KernelPipe? TryCreate()
    {
        var fds = new int[2];
        if (Libc.pipe2(fds, Libc.ONonBlock | Libc.OCloExec) != 0)
        {
            return null;
        }

        var size = Libc.fcntl(fds[1], Libc.FGetPipeSize, 0);
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
