using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace SuperKube.Runtime.Docker.Client;

/// <summary>
/// Where the Docker engine listens: a unix socket (<c>unix:///var/run/docker.sock</c>, the default) or a TCP address
/// (<c>tcp://host:2375</c>, plain HTTP), as <c>DOCKER_HOST</c> spells it.
/// </summary>
internal sealed record DockerEndpoint
{
    public const string DefaultSocket = "/var/run/docker.sock";

    private DockerEndpoint(string address, string? socketPath, string? host, int port)
    {
        Address = address;
        SocketPath = socketPath;
        Host = host;
        Port = port;
    }

    /// <summary>The endpoint as written in DOCKER_HOST, for messages.</summary>
    public string Address { get; }

    /// <summary>The unix socket path, or null for TCP.</summary>
    public string? SocketPath { get; }

    /// <summary>The TCP host, or null for a unix socket.</summary>
    public string? Host { get; }

    public int Port { get; }

    /// <summary>The endpoint from the DOCKER_HOST environment variable, or the default socket.</summary>
    public static DockerEndpoint FromEnvironment() => Parse(Environment.GetEnvironmentVariable("DOCKER_HOST"));

    /// <summary>
    /// Parses a DOCKER_HOST value: empty means the default socket; <c>unix://PATH</c>; <c>tcp://HOST[:PORT]</c> (port 2375
    /// when absent). Throws <see cref="ArgumentException"/> for other schemes.
    /// </summary>
    public static DockerEndpoint Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Unix(DefaultSocket);
        }

        value = value.Trim();
        if (value.StartsWith("unix://", StringComparison.Ordinal))
        {
            var path = value["unix://".Length..];
            return path.Length == 0 ? throw new ArgumentException($"DOCKER_HOST {value} has no socket path", nameof(value)) : Unix(path);
        }

        if (value.StartsWith("tcp://", StringComparison.Ordinal) || value.StartsWith("http://", StringComparison.Ordinal))
        {
            var rest = value[(value.IndexOf("://", StringComparison.Ordinal) + 3)..].TrimEnd('/');
            var colon = rest.LastIndexOf(':');
            var bracket = rest.LastIndexOf(']');
            var host = colon > bracket ? rest[..colon] : rest;
            var port = 2375;
            if (colon > bracket && !int.TryParse(rest[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out port))
            {
                throw new ArgumentException($"DOCKER_HOST {value} has an invalid port", nameof(value));
            }

            host = host.Trim('[', ']');
            return host.Length == 0 || port is <= 0 or > 65535
                ? throw new ArgumentException($"DOCKER_HOST {value} is not a valid tcp:// address", nameof(value))
                : new DockerEndpoint(value, null, host, port);
        }

        throw new ArgumentException($"DOCKER_HOST {value}: only unix:// and tcp:// endpoints are supported", nameof(value));
    }

    /// <summary>Opens a new connection to the engine.</summary>
    public async ValueTask<(Socket Socket, NetworkStream Stream)> ConnectAsync(CancellationToken cancellationToken)
    {
        Socket socket;
        EndPoint target;
        if (SocketPath is not null)
        {
            socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            target = new UnixDomainSocketEndPoint(SocketPath);
        }
        else
        {
            socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            target = new DnsEndPoint(Host!, Port);
        }

        try
        {
            await socket.ConnectAsync(target, cancellationToken).ConfigureAwait(false);
            return (socket, new NetworkStream(socket, ownsSocket: true));
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public override string ToString() => Address;

    private static DockerEndpoint Unix(string path) => new("unix://" + path, path, null, 0);
}
