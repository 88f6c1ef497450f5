using Microsoft.Extensions.DependencyInjection;
using SuperKube.Controllers.Nodes;
using SuperKube.Host;
using SuperKube.IntegrationTests.Infrastructure;

namespace SuperKube.IntegrationTests.Nodes;

/// <summary>A server whose node lifecycle controller gives up on a silent node after 15 s instead of 50 s.</summary>
public sealed class NodeLifecycleServerFixture : ServerFixture
{
    public static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(15);

    internal override ServerSettings CreateSettings(string dataDir) => base.CreateSettings(dataDir) with
    {
        ConfigureServices = services => services.Configure<NodeLifecycleOptions>(o => o.MonitorGracePeriod = GracePeriod),
    };
}
