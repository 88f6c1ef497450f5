using System.Net;
using System.Net.Sockets;

namespace SuperKube.Security.Pki;

/// <summary>The names the serving certificate must cover.</summary>
public static class ServerNames
{
    /// <summary>
    /// localhost and the loopback addresses, the host's name and addresses, the in-cluster names of the
    /// <c>kubernetes</c> service, the first address of <paramref name="serviceCidr"/>, and <paramref name="extra"/>.
    /// </summary>
    public static IReadOnlyList<string> For(string listenHost, string serviceCidr, string clusterDomain, IEnumerable<string> extra)
    {
        ArgumentNullException.ThrowIfNull(extra);
        var names = new List<string>
        {
            "localhost", "127.0.0.1", "::1", "kubernetes", "kubernetes.default", "kubernetes.default.svc", $"kubernetes.default.svc.{clusterDomain}",
        };
        var host = Dns.GetHostName();
        names.Add(host.ToLowerInvariant());
        try
        {
            names.AddRange(Dns.GetHostAddresses(host).Where(a => a.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6 && !a.IsIPv6LinkLocal)
                .Select(a => a.ToString()));
        }
        catch (SocketException)
        {
            // The host name does not resolve: the names above still work.
        }

        if (FirstAddress(serviceCidr) is { } clusterIp)
        {
            names.Add(clusterIp);
        }

        if (IPAddress.TryParse(listenHost, out var listen) && !listen.Equals(IPAddress.Any) && !listen.Equals(IPAddress.IPv6Any))
        {
            names.Add(listen.ToString());
        }

        names.AddRange(extra.Where(e => e.Length > 0));
        return [.. names.Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>The first usable address of an IPv4 range (<c>10.96.0.0/12</c> gives <c>10.96.0.1</c>).</summary>
    public static string? FirstAddress(string cidr)
    {
        ArgumentNullException.ThrowIfNull(cidr);
        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        if (!IPAddress.TryParse(slash < 0 ? cidr : cidr[..slash], out var network) || network.AddressFamily != AddressFamily.InterNetwork)
        {
            return null;
        }

        var bytes = network.GetAddressBytes();
        bytes[3]++;
        return new IPAddress(bytes).ToString();
    }
}
