using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SuperKube.Client;
using SuperKube.Runtime.Agent;

namespace SuperKube.Runtime.ServiceProxy;

/// <summary>
/// Once the node agent registered, watches Services and EndpointSlices through the agent's client into the shared
/// <see cref="ServiceCatalog"/> (which the cluster DNS reads too) and runs the node's <see cref="ServiceProxy"/>,
/// synced on every change.
/// </summary>
internal sealed class ServiceProxyService(
    IOptions<ServiceProxyOptions> options,
    NodeAgentService agent,
    ServiceCatalog catalog,
    IKubernetesClient client,
    TimeProvider time,
    ILogger<ServiceProxyService> logger) : BackgroundService
{
    private readonly TaskCompletionSource<ServiceProxy> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the proxy once its first sync ran.</summary>
    internal Task<ServiceProxy> Started => _started.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var node = await agent.Started.WaitAsync(stoppingToken).ConfigureAwait(false);
        if (!options.Value.Enabled)
        {
            await catalog.RunAsync(client, time, logger, stoppingToken).ConfigureAwait(false);
            return;
        }

        var proxy = new ServiceProxy(catalog, options.Value, node.NodeName, new LocalAddresses(time, logger), time, logger);
        await using (proxy.ConfigureAwait(false))
        {
            catalog.Changed += proxy.Sync;
            try
            {
                var watching = catalog.RunAsync(client, time, logger, stoppingToken);
                await Task.WhenAny(catalog.Synced, watching).ConfigureAwait(false);
                proxy.Sync();
                _started.TrySetResult(proxy);
                await watching.ConfigureAwait(false);
            }
            finally
            {
                catalog.Changed -= proxy.Sync;
            }
        }
    }
}
