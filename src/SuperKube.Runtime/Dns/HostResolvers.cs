using System.Net;
using System.Net.Sockets;

namespace SuperKube.Runtime.Dns;

/// <summary>
/// Forwards queries for names outside the cluster domain to the host's nameservers (from <c>/etc/resolv.conf</c>),
/// over UDP, trying each in turn for up to 2 seconds.
/// </summary>
internal sealed class HostResolvers(IReadOnlyList<IPEndPoint> nameservers, TimeProvider time)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public IReadOnlyList<IPEndPoint> Nameservers => nameservers;

    /// <summary>The nameservers of a resolv.conf, leaving out <paramref name="self"/> (no forwarding loops).</summary>
    public static IReadOnlyList<IPEndPoint> Read(string resolvConf, IPEndPoint? self) =>
        [.. File.Exists(resolvConf) ? Parse(File.ReadAllLines(resolvConf)).Where(e => !e.Equals(self)) : []];

    public static IEnumerable<IPEndPoint> Parse(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            var fields = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (fields is ["nameserver", var server, ..] && IPAddress.TryParse(server, out var address))
            {
                yield return new IPEndPoint(address, 53);
            }
        }
    }

    /// <summary>The first reply of a nameserver to the raw <paramref name="query"/>; null when none answered.</summary>
    public async Task<byte[]?> ForwardAsync(ReadOnlyMemory<byte> query, CancellationToken cancellationToken)
    {
        var buffer = new byte[DnsServerLimits.MaxMessage];
        foreach (var server in nameservers)
        {
            using var socket = new Socket(server.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            using var limit = new CancellationTokenSource(Timeout, time);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
            try
            {
                await socket.ConnectAsync(server, timeout.Token).ConfigureAwait(false);
                await socket.SendAsync(query, SocketFlags.None, timeout.Token).ConfigureAwait(false);
                var read = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token).ConfigureAwait(false);
                return buffer[..read];
            }
            catch (Exception ex) when (ex is SocketException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // Try the next nameserver.
            }
        }

        return null;
    }
}
