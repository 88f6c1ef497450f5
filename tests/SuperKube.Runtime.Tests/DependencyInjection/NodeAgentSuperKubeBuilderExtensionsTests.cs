using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SuperKube.Runtime.Containers;

namespace SuperKube.Runtime.DependencyInjection.Tests;

public sealed class NodeAgentSuperKubeBuilderExtensionsTests
{
    [Fact]
    public void AddNodeAgent_CalledTwice_RegistersServicesOnce()
    {
        var services = new ServiceCollection();
        var builder = services.AddSuperKubeClient(new Uri("http://127.0.0.1:1"));

        builder.AddFakeRuntime().AddNodeAgent(o => o.NodeName = "a");
        var count = services.Count;
        builder.AddFakeRuntime().AddNodeAgent();

        Assert.Equal(count, services.Count);
        Assert.Single(services, d => d.ServiceType == typeof(IContainerRuntime));
        Assert.Equal(3, services.Count(d => d.ServiceType == typeof(IHostedService))); // the agent, its cluster DNS and its service proxy
        Assert.Single(services, d => d.ServiceType == typeof(SuperKube.Runtime.ServiceProxy.ServiceProxyService));
    }

    [Fact]
    public async Task AddNodeAgent_InvalidNodeName_FailsWhenTheHostStarts()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSuperKubeClient(new Uri("http://127.0.0.1:1")).AddFakeRuntime().AddNodeAgent(o => o.NodeName = "Not_A_Name");
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("NodeName \"Not_A_Name\" is not a valid DNS subdomain", ex.Message);
    }

    [Fact]
    public void AddFakeNodes_Count_ConfiguresTheFleet()
    {
        var services = new ServiceCollection();
        services.AddSuperKubeClient(new Uri("http://127.0.0.1:1")).AddFakeNodes(7, o => o.NamePrefix = "sim-");
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<Agent.FakeNodesOptions>>().Value;

        Assert.Equal(7, options.Count);
        Assert.Equal("sim-", options.NamePrefix);
    }
}
