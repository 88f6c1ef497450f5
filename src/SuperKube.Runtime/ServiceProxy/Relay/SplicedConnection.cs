using System.Net.Sockets;
using SuperKube.Splicing;

namespace SuperKube.Runtime.ServiceProxy.Relay;

/// <summary>
/// A client socket and its upstream socket joined by two <see cref="SpliceDirection"/>s, driven by one
/// <see cref="SpliceLoop"/>. Holds a reference on both socket handles while registered, so their descriptors cannot
/// be closed and reused under the loop. Apart from <see cref="TryCreate"/> and <see cref="Completion"/>, only the loop
/// thread touches it.
/// </summary>
internal sealed class SplicedConnection
{
    private readonly SafeSocketHandle _clientHandle;
    private readonly SafeSocketHandle _upstreamHandle;
    private readonly KernelPipe _uploadPipe;
    private readonly KernelPipe _downloadPipe;
    private readonly SpliceDirection _upload;
    private readonly SpliceDirection _download;
    private readonly TaskCompletionSource<SpliceOutcome> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _finished;

    private SplicedConnection(SafeSocketHandle client, SafeSocketHandle upstream, KernelPipe uploadPipe, KernelPipe downloadPipe)
    {
        _clientHandle = client;
        _upstreamHandle = upstream;
        _uploadPipe = uploadPipe;
        _downloadPipe = downloadPipe;
        Client = new SocketSide((int)client.DangerousGetHandle());
        Upstream = new SocketSide((int)upstream.DangerousGetHandle());
        _upload = new SpliceDirection(Client.Fd, Upstream.Fd, uploadPipe);
        _download = new SpliceDirection(Upstream.Fd, Client.Fd, downloadPipe);
    }

    public SocketSide Client { get; }

    public SocketSide Upstream { get; }

    /// <summary>Completes (never on the loop thread) once the connection is unregistered and its pipes closed.</summary>
    public Task<SpliceOutcome> Completion => _completion.Task;

    /// <summary>The loop's key for this connection; the low bit of an event's data tells the side.</summary>
    public ulong Key { get; set; }

    /// <summary>
    /// Takes references on both sockets, makes them non-blocking and opens the two pipes; null (with every step undone)
    /// when the process is out of descriptors.
    /// </summary>
    public static SplicedConnection? TryCreate(Socket client, Socket upstream)
    {
        var clientHandle = client.SafeHandle;
        var upstreamHandle = upstream.SafeHandle;
        bool clientAdded = false, upstreamAdded = false;
        KernelPipe? uploadPipe = null, downloadPipe = null;
        try
        {
            clientHandle.DangerousAddRef(ref clientAdded);
            upstreamHandle.DangerousAddRef(ref upstreamAdded);
            if (Libc.SetNonBlocking((int)clientHandle.DangerousGetHandle()) && Libc.SetNonBlocking((int)upstreamHandle.DangerousGetHandle())
                && (uploadPipe = KernelPipe.TryCreate()) is not null && (downloadPipe = KernelPipe.TryCreate()) is not null)
            {
                return new SplicedConnection(clientHandle, upstreamHandle, uploadPipe, downloadPipe);
            }
        }
        catch (ObjectDisposedException)
        {
            // A socket closed meanwhile: undone below.
        }

        uploadPipe?.Dispose();
        downloadPipe?.Dispose();
        if (clientAdded)
        {
            clientHandle.DangerousRelease();
        }

        if (upstreamAdded)
        {
            upstreamHandle.DangerousRelease();
        }

        return null;
    }

    /// <summary>Events a side waits for now: readable while the direction out of it wants data, writable while the one into it has some.</summary>
    public uint Interest(SocketSide side)
    {
        var (from, into) = side == Client ? (_upload, _download) : (_download, _upload);
        return (from.WantsSource ? Libc.EpollIn : 0) | (into.WantsDestination ? Libc.EpollOut : 0);
    }

    /// <summary>
    /// Handles readiness of one side: pumps the direction out of it when readable, the one into it when writable (both on
    /// hang-up or error). Returns the outcome when the connection is over, else null.
    /// </summary>
    public SpliceOutcome? OnReady(SocketSide side, uint events)
    {
        var (from, into) = side == Client ? (_upload, _download) : (_download, _upload);
        var error = 0;
        if ((events & (Libc.EpollIn | Libc.EpollHup | Libc.EpollErr)) != 0 && !from.Done)
        {
            error = from.Pump();
        }

        if (error == 0 && (events & (Libc.EpollOut | Libc.EpollHup | Libc.EpollErr)) != 0 && !into.Done)
        {
            error = into.Pump();
        }

        if (error == 0 && (events & Libc.EpollErr) != 0)
        {
            error = Libc.SocketError(side.Fd);
        }

        if (error != 0)
        {
            return error == Libc.EINVAL && _upload.Delivered == 0 && _download.Delivered == 0 ? SpliceOutcome.Unsupported : SpliceOutcome.Failed;
        }

        return _upload.Done && _download.Done ? SpliceOutcome.Closed : null;
    }

    /// <summary>Closes the pipes, drops the socket references (a failed connection's sockets reset when closed) and completes.</summary>
    public void Finish(SpliceOutcome outcome)
    {
        if (_finished)
        {
            return;
        }

        _finished = true;
        if (outcome == SpliceOutcome.Failed)
        {
            Libc.ResetOnClose(Client.Fd);
            Libc.ResetOnClose(Upstream.Fd);
        }

        _uploadPipe.Dispose();
        _downloadPipe.Dispose();
        _clientHandle.DangerousRelease();
        _upstreamHandle.DangerousRelease();
        _completion.TrySetResult(outcome);
    }

    /// <summary>One socket of the connection and what the loop registered for it.</summary>
    internal sealed class SocketSide(int fd)
    {
        public int Fd => fd;

        /// <summary>Whether the descriptor is in the loop's epoll set now, and with which events.</summary>
        public bool Registered { get; set; }

        public uint Registration { get; set; }

        /// <summary>The socket reported a hang-up or error (which stays reported while it is registered).</summary>
        public bool HungUp { get; set; }
    }
}
