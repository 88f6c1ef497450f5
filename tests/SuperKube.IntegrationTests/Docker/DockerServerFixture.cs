using System.Collections.Concurrent;
using SuperKube.Host;
using SuperKube.IntegrationTests.Infrastructure;
using SuperKube.Runtime.Docker;
using SuperKube.Runtime.Docker.Client;
using SuperKube.Runtime.Docker.Tests;

namespace SuperKube.IntegrationTests.Docker;

/// <summary>
/// A real server whose embedded node runs pods on the machine's Docker engine. Without an engine it does not start,
/// and <see cref="Require"/> skips (or, with SUPERKUBE_REQUIRE_DOCKER=1, fails) the tests. On disposal it removes the
/// containers of every namespace the tests made.
/// </summary>
public class DockerServerFixture(DockerEngine engine) : ServerFixture
{
    private readonly ConcurrentBag<string> _namespaces = [];

    /// <summary>The engine, for checking containers directly.</summary>
    internal DockerClient Docker { get; } = new(DockerEndpoint.FromEnvironment());

    public override async ValueTask InitializeAsync()
    {
        if (engine.IsAvailable)
        {
            await base.InitializeAsync();
        }
    }

    public void Require() => engine.Require();

    /// <summary>Creates a namespace whose containers are removed with the fixture.</summary>
    public async Task<string> NewNamespaceAsync()
    {
        var ns = "docker-" + Guid.NewGuid().ToString("N")[..8];
        (await Kubectl.RunAsync("create", "namespace", ns)).EnsureSuccess();
        _namespaces.Add(ns);
        return ns;
    }

    internal override ServerSettings CreateSettings(string dataDir) => new() { DataDir = dataDir, Port = 0, Runtime = "docker" };

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (engine.IsAvailable)
        {
            foreach (var ns in _namespaces)
            {
                var left = await Docker.ListContainersAsync(new Dictionary<string, string> { [DockerLabels.PodNamespace] = ns }, CancellationToken.None);
                foreach (var container in left)
                {
                    await Docker.RemoveContainerAsync(container.Id, force: true, CancellationToken.None);
                }
            }
        }

        Docker.Dispose();
    }
}
