using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SuperKube.Client;
using SuperKube.Runtime.Containers;
using SuperKube.Runtime.Dns;

namespace SuperKube.Runtime.Agent;

/// <summary>
/// Hosts the node agent of this process: registers the node (retrying until the API answers), then watches the
/// pods bound to it (<c>spec.nodeName=NODE</c>) and hands them to the agent. With a <see cref="Streaming.NodeServer.NodeStreamServer"/>
/// registered, the Node advertises its port and certificate once it listens.
/// </summary>
internal sealed class NodeAgentService(
    IOptions<NodeAgentOptions> options,
    IKubernetesClient client,
    IContainerRuntime runtime,
    HeartbeatScheduler heartbeats,
    PodDnsConfigurer dns,
    TimeProvider time,
    ILogger<NodeAgentService> logger,
    Streaming.NodeServer.NodeStreamServer? streams = null) : BackgroundService
{
    private readonly TaskCompletionSource<NodeAgent> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the node is registered.</summary>
    public Task<NodeAgent> Started => _started.Task;

    /// <summary>The registered node's agent; null until <see cref="Started"/> completes.</summary>
    public NodeAgent? Agent { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var endpoint = streams is null ? DaemonEndpoint.InProcess : await streams.Listening.WaitAsync(stoppingToken).ConfigureAwait(false);
        var agent = new NodeAgent(options.Value, client, runtime, heartbeats, time, logger, dns) { DaemonEndpoint = endpoint };
        await using (agent.ConfigureAwait(false))
        {
            await agent.StartWithRetryAsync(stoppingToken).ConfigureAwait(false);
            Agent = agent;
            _started.TrySetResult(agent);
            await ResourceWatchLoop.RunAsync(client, ApiResource.Pods, $"spec.nodeName={agent.NodeName}", agent.OnPodsListed, agent.OnPodEvent, time, logger, stoppingToken)
                .ConfigureAwait(false);
        }
    }
}
