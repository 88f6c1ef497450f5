using System.Collections.Concurrent;
using SuperKube.Splicing;

namespace SuperKube.Runtime.ServiceProxy.Relay;

/// <summary>
/// One thread and its own level-triggered epoll set driving any number of <see cref="SplicedConnection"/>s. Other
/// threads hand connections in (and ask for aborts) through a queue and an eventfd that wakes the loop; everything
/// else happens on the loop thread. Sockets handed in must see no managed I/O while here: .NET's own socket engine is
/// edge-triggered and would race this loop for readiness.
/// </summary>
internal sealed class SpliceLoop : IDisposable
{
    private const ulong WakeKey = 0;
    private const int MaxEvents = 256;

    private readonly int _epoll;
    private readonly int _wake;
    private readonly EpollEvents _events = new(MaxEvents);
    private readonly EpollEvents _control = new(1);
    private readonly ConcurrentQueue<(SplicedConnection Connection, bool Abort)> _requests = new();
    private readonly Dictionary<ulong, SplicedConnection> _connections = [];
    private readonly Thread _thread;
    private readonly Lock _gate = new();
    private ulong _nextKey = 2;
    private int _count;
    private volatile bool _stopping;

    public SpliceLoop(string name)
    {
        _epoll = Libc.epoll_create1(Libc.OCloExec);
        _wake = _epoll >= 0 ? Libc.eventfd(0, Libc.OCloExec | Libc.ONonBlock) : -1;
        if (_wake < 0 || Libc.epoll_ctl(_epoll, Libc.EpollCtlAdd, _wake, _control.Single(Libc.EpollIn, WakeKey)) != 0)
        {
            var errno = Libc.Errno;
            CloseDescriptors();
            throw new IOException($"cannot set up the splice loop's epoll set (errno {errno})");
        }

        _thread = new Thread(Run) { IsBackground = true, Name = name };
        _thread.Start();
    }

    /// <summary>Connections the loop drives now (read from any thread; approximate while it changes).</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Hands <paramref name="connection"/> to the loop; its <see cref="SplicedConnection.Completion"/> tells the end.</summary>
    public void Add(SplicedConnection connection) => Request(connection, abort: false);

    /// <summary>Ends <paramref name="connection"/> as <see cref="SpliceOutcome.Aborted"/> unless it ended already.</summary>
    public void Abort(SplicedConnection connection) => Request(connection, abort: true);

    /// <summary>Stops the thread; connections still running end as <see cref="SpliceOutcome.Aborted"/>.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_stopping)
            {
                return;
            }

            _stopping = true;
            Wake();
        }

        _thread.Join();
        DrainRequests(); // anything queued after the loop's last look
        CloseDescriptors();
    }

    private void Request(SplicedConnection connection, bool abort)
    {
        lock (_gate)
        {
            if (!_stopping)
            {
                _requests.Enqueue((connection, abort));
                Wake();
                return;
            }
        }

        if (!abort)
        {
            connection.Finish(SpliceOutcome.Aborted); // never reached the loop, so no other thread holds it
        }
    }

    private void Wake()
    {
        ulong one = 1;
        _ = Libc.write(_wake, ref one, sizeof(ulong));
    }

    private void Run()
    {
        while (!_stopping)
        {
            var count = Libc.epoll_wait(_epoll, _events.Buffer, _events.Capacity, -1);
            if (count < 0)
            {
                if (Libc.Errno == Libc.EINTR)
                {
                    continue;
                }

                break;
            }

            for (var i = 0; i < count; i++)
            {
                var key = _events.Data(i);
                if (key == WakeKey)
                {
                    ulong drained = 0;
                    _ = Libc.read(_wake, ref drained, sizeof(ulong));
                    DrainRequests();
                }
                else if (_connections.TryGetValue(key & ~1UL, out var connection))
                {
                    var side = (key & 1) == 0 ? connection.Client : connection.Upstream;
                    if (connection.OnReady(side, _events.Events(i)) is { } outcome)
                    {
                        End(connection, outcome);
                    }
                    else
                    {
                        Register(connection, side, _events.Events(i));
                        Register(connection, side == connection.Client ? connection.Upstream : connection.Client, 0);
                    }
                }
            }
        }

        foreach (var connection in _connections.Values.ToList())
        {
            End(connection, SpliceOutcome.Aborted);
        }

        DrainRequests();
    }

    private void DrainRequests()
    {
        while (_requests.TryDequeue(out var request))
        {
            if (request.Abort || _stopping)
            {
                if (_connections.ContainsKey(request.Connection.Key))
                {
                    End(request.Connection, SpliceOutcome.Aborted);
                }
                else if (request.Connection.Key == 0)
                {
                    request.Connection.Finish(SpliceOutcome.Aborted); // never started
                }

                continue;
            }

            if (request.Connection.Key != 0)
            {
                continue; // an abort raced ahead and finished it
            }

            var connection = request.Connection;
            connection.Key = _nextKey;
            _nextKey += 2;
            _connections[connection.Key] = connection;
            Interlocked.Increment(ref _count);
            Register(connection, connection.Client, 0);
            Register(connection, connection.Upstream, 0);
        }
    }

    /// <summary>
    /// Brings a side's registration in line with what its connection waits for. A side waiting for nothing stays
    /// registered (errors and resets still arrive) unless it reported a hang-up or error, which level-triggered epoll
    /// would repeat forever: then it leaves the set until it waits for something again.
    /// </summary>
    private void Register(SplicedConnection connection, SplicedConnection.SocketSide side, uint reported)
    {
        var interest = connection.Interest(side);
        var data = connection.Key | (side == connection.Client ? 0UL : 1UL);
        side.HungUp |= (reported & (Libc.EpollHup | Libc.EpollErr)) != 0;
        if (interest == 0 && side.HungUp)
        {
            if (side.Registered)
            {
                _ = Libc.epoll_ctl(_epoll, Libc.EpollCtlDel, side.Fd, null);
                side.Registered = false;
            }

            return;
        }

        if (!side.Registered)
        {
            if (Libc.epoll_ctl(_epoll, Libc.EpollCtlAdd, side.Fd, _control.Single(interest, data)) == 0)
            {
                side.Registered = true;
                side.Registration = interest;
            }
        }
        else if (side.Registration != interest && Libc.epoll_ctl(_epoll, Libc.EpollCtlMod, side.Fd, _control.Single(interest, data)) == 0)
        {
            side.Registration = interest;
        }
    }

    private void End(SplicedConnection connection, SpliceOutcome outcome)
    {
        foreach (var side in new[] { connection.Client, connection.Upstream }.Where(s => s.Registered))
        {
            _ = Libc.epoll_ctl(_epoll, Libc.EpollCtlDel, side.Fd, null);
            side.Registered = false;
        }

        if (_connections.Remove(connection.Key))
        {
            Interlocked.Decrement(ref _count);
        }

        connection.Finish(outcome);
    }

    private void CloseDescriptors()
    {
        if (_wake >= 0)
        {
            _ = Libc.close(_wake);
        }

        if (_epoll >= 0)
        {
            _ = Libc.close(_epoll);
        }
    }
}
