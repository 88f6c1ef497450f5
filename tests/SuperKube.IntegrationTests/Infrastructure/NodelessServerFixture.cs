using SuperKube.Host;

namespace SuperKube.IntegrationTests.Infrastructure;

/// <summary>
/// A server without its embedded node agent: no node runs pods, so a test's hand-made nodes are the only ones the
/// scheduler sees, or a test's <c>KubeletSimulator</c> is the only writer of pod status.
/// </summary>
public sealed class NodelessServerFixture : ServerFixture
{
    internal override ServerSettings CreateSettings(string dataDir) => base.CreateSettings(dataDir) with { NoAgent = true };
}
