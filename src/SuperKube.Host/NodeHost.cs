using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SuperKube.Client;
using SuperKube.Runtime.Agent;
using SuperKube.Security;

namespace SuperKube.Host;

/// <summary>Builds, starts and runs <c>superkube node</c>: a node agent that joins a server over HTTP.</summary>
internal sealed class NodeHost : IAsyncDisposable
{
    private readonly IHost _host;

    private NodeHost(IHost host, RegisteredNode node)
    {
        _host = host;
        Node = node;
    }

    public RegisteredNode Node { get; }

    public static async Task<int> RunAsync(NodeSettings settings, TextWriter output, CancellationToken cancellationToken)
    {
        NodeHost host;
        try
        {
            host = await StartAsync(settings, output, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or InvalidOperationException or HttpRequestException or TimeoutException
                                       or OperationCanceledException or Microsoft.Extensions.Options.OptionsValidationException)
        {
            await output.WriteLineAsync($"superkube node: failed to start: {ex.Message}");
            return 1;
        }

        await using (host)
        {
            await output.WriteLineAsync("Press Ctrl-C to stop.");
            await host._host.WaitForShutdownAsync(cancellationToken);
            await output.WriteLineAsync("Node agent stopped.");
        }

        return 0;
    }

    public static async Task<NodeHost> StartAsync(NodeSettings settings, TextWriter output, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync($"SuperKube node {settings.NodeName} joining {settings.Server}");
        var runtime = await ContainerRuntimes.ResolveAsync(settings.Runtime, output, cancellationToken);

        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        var ca = settings.CaFile is null ? null : await File.ReadAllTextAsync(settings.CaFile, cancellationToken);
        var headers = new Dictionary<string, string> { [NodeJoin.NodeNameHeader] = settings.NodeName };
        var client = builder.Services.AddSuperKubeClient(KubernetesClientFactory.ForServer(settings.Server, settings.Token, ca, headers));
        if (ca is not null)
        {
            client.AddNodeStreamServer(o =>
            {
                o.Port = settings.StreamingPort;
                o.ClusterAuthorityPem = ca;
            });
        }

        ContainerRuntimes.Add(client, runtime).AddNodeAgent(o =>
        {
            o.NodeName = settings.NodeName;
            o.PodCidr = settings.PodCidr;
            if (settings.DataDir is not null)
            {
                o.RootDirectory = settings.DataDir;
            }
        });
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            var nodes = await NodeAgents.WaitForRegistrationAsync(host.Services, timeout.Token);
            var node = nodes[0];
            await output.WriteLineAsync($"Node {node.Name} registered with {settings.Server} (runtime {runtime}, podCIDR {node.PodCidr}, InternalIP {node.Address})");
            await output.WriteLineAsync("Heartbeat: Lease kube-node-lease/" + node.Name + " every 10s; running the pods bound to this node.");
            await output.WriteLineAsync(ca is null
                ? "Container streams (logs, exec, attach, port-forward) are off: they need the cluster CA (--ca-file) to authenticate the API server."
                : $"Container streams served to the API server on port {node.KubeletPort} (HTTPS, API server client certificate required).");
            return new NodeHost(host, node);
        }
        catch
        {
            await host.StopAsync(CancellationToken.None);
            host.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
