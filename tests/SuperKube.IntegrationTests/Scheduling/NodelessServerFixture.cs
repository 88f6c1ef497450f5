using SuperKube.Host;
using SuperKube.IntegrationTests.Infrastructure;

namespace SuperKube.IntegrationTests.Scheduling;

/// <summary>A server without its embedded node, so a test's hand-made nodes are the only ones the scheduler sees.</summary>
public sealed class NodelessServerFixture : ServerFixture
{
    internal override ServerSettings CreateSettings(string dataDir) => base.CreateSettings(dataDir) with { NoAgent = true };
}
