using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SuperKube.Runtime.Containers;
using SuperKube.Runtime.Docker;

namespace SuperKube.Runtime.DependencyInjection.Tests;

public sealed class DockerRuntimeSuperKubeBuilderExtensionsTests
{
    [Fact]
    public void AddDockerRuntime_CalledTwice_OneRuntimeWithOptions()
    {
        var services = new ServiceCollection();
        var builder = services.AddSuperKubeClient(new Uri("http://127.0.0.1:1"));

        builder.AddDockerRuntime(o => o.Host = "tcp://127.0.0.1:1").AddDockerRuntime();
        using var provider = services.BuildServiceProvider();

        Assert.Single(services, d => d.ServiceType == typeof(IContainerRuntime));
        Assert.IsType<DockerContainerRuntime>(provider.GetRequiredService<IContainerRuntime>());
        Assert.Equal("tcp://127.0.0.1:1", provider.GetRequiredService<IOptions<DockerRuntimeOptions>>().Value.Host);
    }

    [Fact]
    public void AddDockerRuntime_AfterFake_Throws()
    {
        var builder = new ServiceCollection().AddSuperKubeClient(new Uri("http://127.0.0.1:1")).AddFakeRuntime();

        var ex = Assert.Throws<InvalidOperationException>(() => builder.AddDockerRuntime());

        Assert.Contains("FakeContainerRuntime", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetVersion_NoEngineAtHost_ClearError()
    {
        var services = new ServiceCollection();
        services.AddSuperKubeClient(new Uri("http://127.0.0.1:1")).AddDockerRuntime(o => o.Host = "unix:///nonexistent/superkube-docker.sock");
        using var provider = services.BuildServiceProvider();

        var ex = await Assert.ThrowsAsync<ContainerRuntimeException>(() =>
            provider.GetRequiredService<IContainerRuntime>().GetVersionAsync(TestContext.Current.CancellationToken));

        Assert.StartsWith("cannot reach the Docker engine at unix:///nonexistent/superkube-docker.sock: ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Probe_NoEngine_SaysWhy()
    {
        var reason = await DockerEngineProbe.UnavailableReasonAsync("unix:///nonexistent/superkube-docker.sock", TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        Assert.StartsWith("cannot reach the Docker engine at unix:///nonexistent/superkube-docker.sock", reason, StringComparison.Ordinal);
    }
}
