using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SuperKube.Client;

namespace SuperKube.Runtime.Tests;

/// <summary>An in-process API server on in-memory SQLite, for agent tests that talk to a real API.</summary>
public sealed class TestCluster : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly List<IHostedService> _started = [];

    private TestCluster(ServiceProvider provider)
    {
        _provider = provider;
        Client = provider.GetRequiredService<IKubernetesClient>();
    }

    public IKubernetesClient Client { get; }

    public static async Task<TestCluster> StartAsync()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSuperKube().AddSqliteStorage(o => o.Path = ":memory:");
        var cluster = new TestCluster(services.BuildServiceProvider());
        foreach (var hosted in cluster._provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
            cluster._started.Add(hosted);
        }

        return cluster;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var hosted in Enumerable.Reverse(_started))
        {
            await hosted.StopAsync(CancellationToken.None);
        }

        try
        {
            await _provider.DisposeAsync();
        }
        catch (ObjectDisposedException)
        {
            // The watch cache is registered twice (itself and as a hosted service) and its second dispose throws.
        }
    }
}
