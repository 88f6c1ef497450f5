using System.Globalization;
using System.Net.Sockets;
using SuperKube.Splicing;

namespace SuperKube.Runtime.Docker;

/// <summary>
/// A pod's network namespace, named by its sandbox's process: port-forward makes its TCP socket there and connects to
/// the pod's localhost, as the kubelet does, so a server the pod binds to 127.0.0.1 is reachable and the bytes take the
/// namespace's loopback instead of the bridge. Entering a namespace takes CAP_SYS_ADMIN; without it (or off Linux)
/// <see cref="TryCreateSocket"/> returns null and the caller connects to the pod's address from the host.
/// </summary>
/// <param name="Pid">The sandbox's process.</param>
/// <param name="StartTime">When that process started (clock ticks after boot), so a recycled process ID is told apart.</param>
internal sealed record PodNetworkNamespace(int Pid, long StartTime)
{
    private const int EPERM = 1;
    private const int EACCES = 13;

    /// <summary>Set once the kernel refused to let this process enter a namespace: no thread is started for it again.</summary>
    private static volatile bool s_denied;

    /// <summary>The namespace of process <paramref name="pid"/>, or null when there is no such process (or no /proc).</summary>
    public static PodNetworkNamespace? Of(int pid) =>
        pid > 0 && Libc.IsSupported && StartTimeOf(pid) is { } start ? new PodNetworkNamespace(pid, start) : null;

    /// <summary>Whether the process is still the one this was made for.</summary>
    public bool IsCurrent => StartTimeOf(Pid) == StartTime;

    /// <summary>
    /// A blocking IPv4 TCP socket inside the namespace, or null when it cannot be entered (no permission, the process
    /// ended). The namespace is entered by a thread of its own that leaves it again and ends, so no other work ever
    /// runs inside the pod's network.
    /// </summary>
    public Socket? TryCreateSocket()
    {
        if (s_denied)
        {
            return null;
        }

        var fd = -1;
        var thread = new Thread(() => fd = CreateInside()) { IsBackground = true, Name = "pod netns socket" };
        thread.Start();
        thread.Join();
        return fd < 0 ? null : new Socket(new SafeSocketHandle(fd, ownsHandle: true));
    }

    private int CreateInside()
    {
        var own = Libc.open("/proc/thread-self/ns/net", Libc.OCloExec);
        var pod = Libc.open($"/proc/{Pid.ToString(CultureInfo.InvariantCulture)}/ns/net", Libc.OCloExec);
        var refused = pod < 0 && Libc.Errno is EPERM or EACCES; // another user's process: not ours to enter
        try
        {
            // Checked after opening: the descriptor now holds the namespace, whatever happens to the process ID.
            if (own < 0 || pod < 0 || !IsCurrent)
            {
                s_denied |= refused;
                return -1;
            }

            if (Libc.setns(pod, Libc.CloneNewNet) != 0)
            {
                s_denied |= Libc.Errno == EPERM; // no CAP_SYS_ADMIN
                return -1;
            }

            var socket = Libc.socket(Libc.AfInet, Libc.SockStream | Libc.SockCloExec, 0);
            _ = Libc.setns(own, Libc.CloneNewNet); // should this fail, the thread stays inside only until it ends, next
            return socket;
        }
        finally
        {
            Close(own);
            Close(pod);
        }
    }

    private static void Close(int fd)
    {
        if (fd >= 0)
        {
            Libc.close(fd);
        }
    }

    /// <summary>Field 22 of /proc/PID/stat (after the parenthesised command name, which may hold spaces).</summary>
    private static long? StartTimeOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[19], CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
