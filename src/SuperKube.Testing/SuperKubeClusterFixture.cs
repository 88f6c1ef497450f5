using Xunit;

namespace SuperKube.Testing;

/// <summary>
/// An xunit fixture owning one <see cref="SuperKubeCluster"/> for a test class (<c>IClassFixture</c>) or
/// collection. Derive and override <see cref="Configure"/> to add controllers, nodes or plugins.
/// </summary>
public class SuperKubeClusterFixture : IAsyncLifetime
{
    private SuperKubeCluster? _cluster;

    /// <summary>The running cluster.</summary>
    public SuperKubeCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster has not started yet.");

    public async ValueTask InitializeAsync() => _cluster = await SuperKubeCluster.StartAsync(Configure).ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync().ConfigureAwait(false);
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Adjusts the cluster options before start.</summary>
    protected virtual void Configure(SuperKubeClusterOptions options)
    {
    }
}
