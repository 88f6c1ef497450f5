using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SuperKube.Runtime.ServiceProxy.Tests;

/// <summary>
/// A TCP (and UDP) server on a loopback address standing in for a pod: each connection or datagram gets
/// "<c>name</c>\n" back, then TCP echoes what it receives.
/// </summary>
internal sealed class LoopbackEndpoint : IAsyncDisposable
{
    private readonly TcpListener _tcp;
    private readonly UdpClient _udp;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;

    public LoopbackEndpoint(string name, IPAddress address, int port = 0)
    {
        Name = name;
        _tcp = new TcpListener(address, port);
        _tcp.Start();
        Port = ((IPEndPoint)_tcp.LocalEndpoint).Port;
        _udp = new UdpClient(new IPEndPoint(address, Port));
        Address = address;
        _serving = Task.WhenAll(ServeTcpAsync(), ServeUdpAsync());
    }

    public string Name { get; }

    public IPAddress Address { get; }

    public int Port { get; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _tcp.Stop();
        _udp.Dispose();
        await _serving;
    }

    private async Task ServeTcpAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _tcp.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = EchoAsync(client);
        }
    }

    private async Task EchoAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                await stream.WriteAsync(Encoding.ASCII.GetBytes(Name + "\n"));
                var buffer = new byte[8192];
                int read;
                while ((read = await stream.ReadAsync(buffer, _stop.Token)) > 0)
                {
                    await stream.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
                }
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
            {
                // Client or test gone.
            }
        }
    }

    private async Task ServeUdpAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var datagram = await _udp.ReceiveAsync(_stop.Token);
                var reply = Encoding.ASCII.GetBytes(Name + ":" + Encoding.ASCII.GetString(datagram.Buffer));
                await _udp.SendAsync(reply, datagram.RemoteEndPoint, _stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                if (_stop.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }
}
