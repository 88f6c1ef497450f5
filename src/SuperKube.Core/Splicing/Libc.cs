using System.Runtime.InteropServices;

namespace SuperKube.Splicing;

/// <summary>
/// The Linux system calls zero-copy relaying needs (the service proxy's splice relay, port-forward's spliced frames,
/// sockets made in a pod's network namespace), through the C library. Constants are the generic Linux ABI values, the same on x86-64 and arm64 (the two
/// architectures <see cref="IsSupported"/> admits).
/// </summary>
internal static class Libc
{
    public const int EINTR = 4;
    public const int EAGAIN = 11;
    public const int EINVAL = 22;
    public const int EPIPE = 32;

    public const int ONonBlock = 0x800;
    public const int OCloExec = 0x80000;

    public const int FGetFl = 3;
    public const int FSetFl = 4;
    public const int FSetPipeSize = 1031;
    public const int FGetPipeSize = 1032;

    public const int EpollCtlAdd = 1;
    public const int EpollCtlDel = 2;
    public const int EpollCtlMod = 3;

    public const uint EpollIn = 0x001;
    public const uint EpollOut = 0x004;
    public const uint EpollErr = 0x008;
    public const uint EpollHup = 0x010;

    public const uint SpliceMove = 1;
    public const uint SpliceNonBlock = 2;
    public const uint SpliceMore = 4;

    public const int ShutWrite = 1;

    public const short PollIn = 0x001;
    public const short PollOut = 0x004;

    /// <summary>send(2): more data follows (the kernel may hold a short header back to go out with it).</summary>
    public const int MsgMore = 0x8000;

    /// <summary>send(2): no SIGPIPE when the peer is gone (EPIPE instead).</summary>
    public const int MsgNoSignal = 0x4000;

    /// <summary>setns(2): the descriptor is a network namespace.</summary>
    public const int CloneNewNet = 0x40000000;

    public const int AfInet = 2;
    public const int SockStream = 1;
    public const int SockCloExec = 0x80000;

    private const int SolSocket = 1;
    private const int SoError = 4;
    private const int SoLinger = 13;

    private const string Library = "libc";

    /// <summary>Linux on x86-64 or arm64, the layouts this class and the service proxy's <c>EpollEvents</c> know.</summary>
    public static bool IsSupported =>
        OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64;

    /// <summary>The errno of the last failed call on this thread.</summary>
    public static int Errno => Marshal.GetLastPInvokeError();

    [DllImport(Library, SetLastError = true)]
    public static extern nint splice(int fdIn, IntPtr offIn, int fdOut, IntPtr offOut, nuint length, uint flags);

    [DllImport(Library, SetLastError = true)]
    public static extern int pipe2([Out] int[] fds, int flags);

    [DllImport(Library, SetLastError = true)]
    public static extern int fcntl(int fd, int command, int argument);

    [DllImport(Library, SetLastError = true)]
    public static extern int epoll_create1(int flags);

    /// <summary><paramref name="ev"/> is one <c>struct epoll_event</c> laid out by the service proxy's <c>EpollEvents</c>.</summary>
    [DllImport(Library, SetLastError = true)]
    public static extern int epoll_ctl(int epoll, int operation, int fd, byte[]? ev);

    [DllImport(Library, SetLastError = true)]
    public static extern int epoll_wait(int epoll, byte[] events, int maxEvents, int timeoutMilliseconds);

    [DllImport(Library, SetLastError = true)]
    public static extern int eventfd(uint initialValue, int flags);

    [DllImport(Library, SetLastError = true)]
    public static extern nint read(int fd, ref ulong value, nint count);

    [DllImport(Library, SetLastError = true)]
    public static extern nint write(int fd, ref ulong value, nint count);

    [DllImport(Library, SetLastError = true)]
    public static extern int close(int fd);

    [DllImport(Library, SetLastError = true)]
    public static extern nint send(int fd, ref byte buffer, nuint length, int flags);

    /// <summary><paramref name="fds"/> is an array of <c>struct pollfd</c>.</summary>
    [DllImport(Library, SetLastError = true)]
    public static extern int poll([In, Out] PollFd[] fds, nuint count, int timeoutMilliseconds);

    [DllImport(Library, SetLastError = true)]
    public static extern int shutdown(int fd, int how);

    [DllImport(Library, SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    public static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport(Library, SetLastError = true)]
    public static extern int setns(int fd, int namespaceType);

    [DllImport(Library, SetLastError = true)]
    public static extern int socket(int domain, int type, int protocol);

    /// <summary>Makes <paramref name="fd"/> non-blocking; false when fcntl fails.</summary>
    public static bool SetNonBlocking(int fd)
    {
        var flags = fcntl(fd, FGetFl, 0);
        return flags >= 0 && ((flags & ONonBlock) != 0 || fcntl(fd, FSetFl, flags | ONonBlock) == 0);
    }

    /// <summary>The pending socket error (SO_ERROR, which reading clears), 0 when none.</summary>
    public static int SocketError(int fd)
    {
        var value = 0;
        var length = sizeof(int);
        return getsockopt(fd, SolSocket, SoError, ref value, ref length) == 0 ? value : Errno;
    }

    /// <summary>Makes the next close of <paramref name="fd"/> send a reset instead of a FIN (SO_LINGER on, 0 seconds).</summary>
    public static void ResetOnClose(int fd)
    {
        int[] linger = [1, 0];
        _ = setsockopt(fd, SolSocket, SoLinger, linger, sizeof(int) * 2);
    }

    [DllImport(Library, SetLastError = true)]
    private static extern int getsockopt(int fd, int level, int name, ref int value, ref int length);

    [DllImport(Library, SetLastError = true)]
    private static extern int setsockopt(int fd, int level, int name, int[] value, int length);

    /// <summary><c>struct pollfd</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short Returned;
    }
}
