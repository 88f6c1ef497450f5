using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SuperKube.Runtime.Containers;
using SuperKube.Runtime.Diagnostics;
using SuperKube.Runtime.Fake;
using SuperKube.Runtime.ServiceProxy;

namespace SuperKube.Runtime.Dns;

/// <summary>
/// Starts the node's <see cref="ClusterDnsServer"/> with the host (before pods start, so their resolv.conf can point at
/// it) on the address pods reach the host at, and tells the <see cref="PodDnsConfigurer"/> it serves. Answers come from
/// the <see cref="ServiceCatalog"/> the service proxy service keeps current.
/// </summary>
internal sealed partial class ClusterDnsService(
    IOptions<ClusterDnsOptions> options,
    ServiceCatalog catalog,
    PodDnsConfigurer pods,
    IContainerRuntime runtime,
    TimeProvider time,
    ILogger<ClusterDnsService> logger) : IHostedService, IAsyncDisposable
{
    /// <summary>The name of the Docker default bridge, whose address is the pods' gateway.</summary>
    internal const string DockerBridge = "docker0";

    private ClusterDnsServer? _server;

    /// <summary>Where the server listens; null when it does not.</summary>
    public IPEndPoint? Address => _server?.LocalEndPoint;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled || runtime is FakeContainerRuntime)
        {
            return Task.CompletedTask;
        }

        var address = settings.ListenAddress is { } configured ? IPAddress.Parse(configured) : BridgeAddress();
        if (address is null)
        {
            Log.NoAddress(logger, DockerBridge);
            return Task.CompletedTask;
        }

        var bind = new IPEndPoint(address, settings.Port);
        var resolver = new ClusterDnsResolver(() => catalog.Services, settings.ClusterDomain, (uint)settings.RecordTtl.TotalSeconds);
        var forward = settings.ForwardToHostResolvers ? new HostResolvers(HostResolvers.Read("/etc/resolv.conf", bind), time) : null;
        try
        {
            _server = new ClusterDnsServer(bind, resolver, forward, time, logger);
        }
        catch (SocketException ex)
        {
            Log.BindFailed(logger, bind, ex.SocketErrorCode);
            return Task.CompletedTask;
        }

        _server.Start();
        pods.Server = address.ToString();
        Log.Serving(logger, _server.LocalEndPoint, resolver.ClusterDomain, forward is null ? "refused" : $"forwarded to {string.Join(", ", forward.Nameservers)}");
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync().ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        pods.Server = null;
        if (Interlocked.Exchange(ref _server, null) is { } server)
        {
            await server.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static IPAddress? BridgeAddress()
    {
        try
        {
            return NetworkInterface.GetAllNetworkInterfaces().FirstOrDefault(n => n.Name == DockerBridge)?.GetIPProperties().UnicastAddresses
                .Select(a => a.Address).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork);
        }
        catch (NetworkInformationException)
        {
            return null;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(RuntimeEventIds.ClusterDns, LogLevel.Information, "Cluster DNS serving {Address} (UDP and TCP) for {Domain}; other names {Outside}")]
        public static partial void Serving(ILogger logger, IPEndPoint address, string domain, string outside);

        [LoggerMessage(RuntimeEventIds.ClusterDns + 1, LogLevel.Warning, "Cluster DNS cannot listen on {Address} ({Error}); ClusterFirst pods use the host's resolvers")]
        public static partial void BindFailed(ILogger logger, IPEndPoint address, SocketError error);

        [LoggerMessage(RuntimeEventIds.ClusterDns + 2, LogLevel.Information, "No {Bridge} bridge and no ClusterDnsOptions.ListenAddress: the node serves no cluster DNS")]
        public static partial void NoAddress(ILogger logger, string bridge);
    }
}
