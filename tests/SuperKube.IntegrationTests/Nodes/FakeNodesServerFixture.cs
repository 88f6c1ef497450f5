using SuperKube.Host;
using SuperKube.IntegrationTests.Infrastructure;

namespace SuperKube.IntegrationTests.Nodes;

/// <summary>A server started with <c>--fake-nodes 5</c>.</summary>
public sealed class FakeNodesServerFixture : ServerFixture
{
    internal override ServerSettings CreateSettings(string dataDir) => base.CreateSettings(dataDir) with { FakeNodes = 5 };
}
