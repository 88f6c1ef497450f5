using System.Net;
using System.Net.Sockets;
using SuperKube.Api;
using SuperKube.Security.Pki;

namespace SuperKube.Streaming.Remote.Tests;

/// <summary>The health check before relaying to a remote node fails fast, with kube-apiserver's dial error, when the node does not answer.</summary>
public sealed class NodeStreamClientTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private static readonly TimeSpan ShortTimeout = TimeSpan.FromMilliseconds(300);

    [Fact]
    public async Task EnsureReachable_NodeAcceptsButNeverAnswers_DialErrorWithinTheTimeout()
    {
        // The kernel completes the TCP handshake for a listening socket even if nobody accepts: the TLS handshake hangs.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var client = Client(ShortTimeout);

        var error = await Assert.ThrowsAsync<ApiException>(() => client.EnsureReachableAsync(Node(listener), TestBound()));

        Assert.Equal(500, error.Code);
        Assert.StartsWith($"error dialing backend: dial tcp 127.0.0.1:{Port(listener)}: i/o timeout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnsureReachable_ConnectBlackholed_DialErrorWithinTheTimeout()
    {
        // A listener whose accept queue is full drops further SYNs, so a connect gets no answer at all (a blackholed node).
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(0);
        var port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        var fillers = await FillAcceptQueueAsync(port);
        try
        {
            using var client = Client(ShortTimeout);
            var error = await Assert.ThrowsAsync<ApiException>(() => client.EnsureReachableAsync(Node(port), TestBound()));
            Assert.StartsWith($"error dialing backend: dial tcp 127.0.0.1:{port}: i/o timeout", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            fillers.ForEach(f => f.Dispose());
        }
    }

    [Fact]
    public async Task EnsureReachable_CallerCancels_CancellationNotADialError()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var client = Client(TimeSpan.FromMinutes(5));
        using var cancel = new CancellationTokenSource(ShortTimeout);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.EnsureReachableAsync(Node(listener), cancel.Token));
    }

    [Fact]
    public void Validator_NonPositiveTimeout_Rejected()
    {
        var validator = new NodeDialOptionsValidator();
        Assert.True(validator.Validate(null, new NodeDialOptions { HealthCheckTimeout = TimeSpan.Zero }).Failed);
        Assert.True(validator.Validate(null, new NodeDialOptions()).Succeeded);
    }

    private static NodeStreamClient Client(TimeSpan healthCheckTimeout)
    {
        using var authority = CertificateFactory.CreateAuthority("cluster-ca", Now, TimeSpan.FromDays(1));
        var certificate = CertificateFactory.CreateClient(authority, NodeStreaming.ClientCommonName, [], Now, TimeSpan.FromDays(1));
        return new NodeStreamClient(certificate, healthCheckTimeout);
    }

    private static int Port(TcpListener listener) => ((IPEndPoint)listener.LocalEndpoint).Port;

    private static NodeEndpoint Node(TcpListener listener) => Node(Port(listener));

    private static NodeEndpoint Node(int port) => new("node-1", new Uri($"https://127.0.0.1:{port}/"), new string('0', 64));

    /// <summary>Far longer than the health-check timeout: without it the dial would hang until this cancels it, and the test fails.</summary>
    private static CancellationToken TestBound() => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    /// <summary>Connects to <paramref name="port"/> until a connect gets no answer (the queue is full); at most eight connections.</summary>
    private static async Task<List<Socket>> FillAcceptQueueAsync(int port)
    {
        var sockets = new List<Socket>();
        for (var i = 0; i < 8; i++)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            sockets.Add(socket);
            using var wait = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
            try
            {
                await socket.ConnectAsync(IPAddress.Loopback, port, wait.Token);
            }
            catch (OperationCanceledException)
            {
                return sockets;
            }
        }

        sockets.ForEach(s => s.Dispose());
        throw new InvalidOperationException("the listener's accept queue never filled up");
    }
}
