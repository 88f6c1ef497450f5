#pragma warning disable IDE0130 // Extension methods live in the namespace of the type they extend.
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SuperKube.DependencyInjection;
using SuperKube.Runtime.Agent;
using SuperKube.Runtime.Dns;
using SuperKube.Runtime.Fake;
using SuperKube.Runtime.ServiceProxy;
using SuperKube.Runtime.Streaming;
using SuperKube.Runtime.Streaming.NodeServer;
using SuperKube.Streaming;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers node agents: this host's own node, and simulated nodes.</summary>
public static class NodeAgentSuperKubeBuilderExtensions
{
    /// <summary>
    /// Runs a node agent in this host: it registers the Node, heartbeats through its Lease and runs the pods bound to
    /// it on the registered container runtime (<c>AddFakeRuntime</c>, or Docker). Talks to the API through the
    /// registered <c>IKubernetesClient</c>, in-process or remote, and proxies the node's Service ports
    /// (<see cref="ServiceProxyOptions"/>) and serves cluster DNS to its pods (<see cref="ClusterDnsOptions"/>). Options are
    /// validated when the host starts.
    /// </summary>
    public static ISuperKubeBuilder AddNodeAgent(this ISuperKubeBuilder builder, Action<NodeAgentOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (!services.Any(d => d.ServiceType == typeof(NodeAgentService)))
        {
            services.AddOptionsWithValidateOnStart<NodeAgentOptions, NodeAgentOptionsValidator>();
            services.AddOptionsWithValidateOnStart<ServiceProxyOptions, ServiceProxyOptionsValidator>();
            services.AddOptionsWithValidateOnStart<ClusterDnsOptions, ClusterDnsOptionsValidator>();
        }

        if (configure is not null)
        {
            services.Configure(configure);
        }

        AddShared(services);
        services.TryAddSingleton<ServiceCatalog>();
        services.TryAddSingleton(sp => new PodDnsConfigurer(sp.GetRequiredService<IOptions<ClusterDnsOptions>>().Value.ClusterDomain));
        services.TryAddSingleton<ClusterDnsService>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ClusterDnsService>(sp => sp.GetRequiredService<ClusterDnsService>()));
        services.TryAddSingleton<NodeAgentService>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, NodeAgentService>(sp => sp.GetRequiredService<NodeAgentService>()));
        services.TryAddSingleton<ServiceProxyService>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ServiceProxyService>(sp => sp.GetRequiredService<ServiceProxyService>()));
        return builder;
    }

    /// <summary>
    /// Serves this host's node agent's container streams (logs, exec, attach, port-forward) to the API server, as the
    /// kubelet serves port 10250, for a node in another process than the API server (<c>superkube node</c>). The Node
    /// advertises the port and pins the server's certificate; only the API server's certificate (signed by the cluster
    /// CA in <see cref="NodeStreamServerOptions.ClusterAuthorityPem"/>) is accepted.
    /// </summary>
    public static ISuperKubeBuilder AddNodeStreamServer(this ISuperKubeBuilder builder, Action<NodeStreamServerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptionsWithValidateOnStart<NodeStreamServerOptions, NodeStreamServerOptionsValidator>();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton<NodeStreamServer>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, NodeStreamServer>(sp => sp.GetRequiredService<NodeStreamServer>()));
        return builder;
    }

    /// <summary>
    /// Adds <paramref name="count"/> simulated nodes backed by Fake runtimes, sharing one heartbeat scheduler and one
    /// pod watch; zones are spread across them.
    /// </summary>
    public static ISuperKubeBuilder AddFakeNodes(this ISuperKubeBuilder builder, int count, Action<FakeNodesOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var services = builder.Services;
        services.AddOptions<FakeNodesOptions>().Configure(o => o.Count = count);
        services.AddOptions<FakeRuntimeOptions>();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        AddShared(services);
        services.TryAddSingleton<FakeNodeFleet>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, FakeNodeFleet>(sp => sp.GetRequiredService<FakeNodeFleet>()));
        return builder;
    }

    private static void AddShared(IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<HeartbeatScheduler>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPodStreamProvider, NodePodStreamProvider>());
    }
}
