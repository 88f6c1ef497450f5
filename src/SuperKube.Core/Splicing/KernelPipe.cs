namespace SuperKube.Splicing;

/// <summary>
/// A non-blocking kernel pipe: the buffer spliced bytes sit in between two sockets (the kernel moves page references,
/// not bytes). The service proxy keeps the default size (16 pages, 64 KiB): larger pipes (F_SETPIPE_SZ, 256 KiB and
/// 1 MiB tried) made no measurable difference there, only fewer system calls. Port-forward asks for more, since each
/// fill of its pipe becomes one frame.
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

    /// <summary>
    /// A new pipe, or null when the process is out of descriptors or memory. With <paramref name="size"/> the pipe is
    /// resized to it (the kernel rounds up to pages; beyond <c>/proc/sys/fs/pipe-max-size</c> the default stays).
    /// </summary>
    public static KernelPipe? TryCreate(int size = 0)
    {
        var fds = new int[2];
        if (Libc.pipe2(fds, Libc.ONonBlock | Libc.OCloExec) != 0)
        {
            return null;
        }

        if (size > 0)
        {
            _ = Libc.fcntl(fds[1], Libc.FSetPipeSize, size);
        }

        var actual = Libc.fcntl(fds[1], Libc.FGetPipeSize, 0);
        return new KernelPipe(fds[0], fds[1], actual > 0 ? actual : DefaultSize);
    }

    /// <summary>
    /// Splices up to <paramref name="count"/> bytes from <paramref name="socket"/> into the pipe without blocking on
    /// the pipe: the bytes moved, 0 at the socket's end of stream, -1 with <see cref="Libc.Errno"/> set (EAGAIN: the
    /// socket has nothing now, or the pipe is full).
    /// </summary>
    public nint FillFrom(int socket, int count) =>
        Libc.splice(socket, IntPtr.Zero, WriteEnd, IntPtr.Zero, (nuint)count, Libc.SpliceMove | Libc.SpliceNonBlock);

    /// <summary>
    /// Splices up to <paramref name="count"/> buffered bytes to <paramref name="socket"/>: the bytes moved, or -1 with
    /// <see cref="Libc.Errno"/> set (EAGAIN: the socket's send buffer is full). <paramref name="more"/> tells the kernel
    /// more of the same message follows.
    /// </summary>
    public nint DrainTo(int socket, int count, bool more = false) =>
        Libc.splice(ReadEnd, IntPtr.Zero, socket, IntPtr.Zero, (nuint)count, Libc.SpliceMove | Libc.SpliceNonBlock | (more ? Libc.SpliceMore : 0));

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
