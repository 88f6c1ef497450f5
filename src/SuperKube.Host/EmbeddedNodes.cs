using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SuperKube.DependencyInjection;
using SuperKube.Runtime.Agent;
using SuperKube.Runtime.Containers;
using SuperKube.Runtime.Dns;

namespace SuperKube.Host;

/// <summary>The nodes a server runs in its own process: the embedded node agent and <c>--fake-nodes</c>.</summary>
internal static class EmbeddedNodes
{
    public static async Task AddAsync(ISuperKubeBuilder builder, ServerSettings settings, TextWriter output, CancellationToken cancellationToken)
    {
        if (!settings.NoAgent)
        {
            var runtime = await ContainerRuntimes.ResolveAsync(settings.Runtime, output, cancellationToken);
            var cidr = settings.PodCidr;
            ContainerRuntimes.Add(builder, runtime).AddNodeAgent(o =>
            {
                o.NodeName = NodeName(settings.NodeName);
                o.ControlPlane = true;
                o.ClusterCidr = cidr;
                o.PodCidr = FirstBlock(cidr);
                o.RootDirectory = Path.Combine(settings.DataDir, "node");
            });
            builder.Services.Configure<ClusterDnsOptions>(o => o.ClusterDomain = settings.ClusterDomain);
        }

        if (settings.FakeNodes > 0)
        {
            builder.AddFakeNodes(settings.FakeNodes);
        }
    }

    /// <summary>Waits until the nodes are registered (so kubectl sees them at once) and says so.</summary>
    public static async Task WaitAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var nodes = await NodeAgents.WaitForRegistrationAsync(services, timeout.Token);
        var runtime = services.GetService<IContainerRuntime>() is { } containers ? (await containers.GetVersionAsync(timeout.Token)).ToString() : "none";
        foreach (var node in nodes.Where(n => !n.Simulated))
        {
            await output.WriteLineAsync($"Node {node.Name} registered (runtime {runtime}, podCIDR {node.PodCidr}, InternalIP {node.Address})");
        }

        if (nodes.Count(n => n.Simulated) is > 0 and var simulated)
        {
            await output.WriteLineAsync($"{simulated} fake nodes registered ({nodes.First(n => n.Simulated).Name} ...)");
        }
    }

    /// <summary>A valid node name from a host name: lowercase, with anything but letters, digits, '-' and '.' replaced.</summary>
    public static string NodeName(string hostName)
    {
        var name = new StringBuilder();
        foreach (var c in hostName.ToLowerInvariant())
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '-');
        }

        var text = name.ToString().Trim('-', '.');
        return text.Length == 0 ? "superkube" : text;
    }

    /// <summary>The first /24 of the cluster range: the embedded node's podCIDR.</summary>
    private static string FirstBlock(string clusterCidr)
    {
        var slash = clusterCidr.IndexOf('/', StringComparison.Ordinal);
        var parts = (slash < 0 ? clusterCidr : clusterCidr[..slash]).Split('.');
        return parts.Length == 4 ? $"{parts[0]}.{parts[1]}.{parts[2]}.0/24" : clusterCidr;
    }
}
