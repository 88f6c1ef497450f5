using Microsoft.Extensions.DependencyInjection;

namespace SuperKube.Runtime.Agent;

/// <summary>Lets a host wait for the nodes it runs (<c>AddNodeAgent</c>, <c>AddFakeNodes</c>) to be registered.</summary>
public static class NodeAgents
{
    /// <summary>Completes when every node of the started host is registered; lists them (the host's own node first).</summary>
    public static async Task<IReadOnlyList<RegisteredNode>> WaitForRegistrationAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var nodes = new List<RegisteredNode>();
        if (services.GetService<NodeAgentService>() is { } service)
        {
            var agent = await service.Started.WaitAsync(cancellationToken).ConfigureAwait(false);
            nodes.Add(new RegisteredNode(agent.NodeName, agent.PodCidr, agent.Address, Simulated: false) { KubeletPort = agent.DaemonEndpoint.Port });
        }

        if (services.GetService<FakeNodeFleet>() is { } fleet)
        {
            await fleet.Started.WaitAsync(cancellationToken).ConfigureAwait(false);
            nodes.AddRange(fleet.Agents.OrderBy(a => a.NodeName, StringComparer.Ordinal).Select(a => new RegisteredNode(a.NodeName, a.PodCidr, a.Address, Simulated: true)));
        }

        return nodes;
    }
}
