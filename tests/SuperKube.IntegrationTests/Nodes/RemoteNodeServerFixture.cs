using SuperKube.Host;
using SuperKube.IntegrationTests.Infrastructure;

namespace SuperKube.IntegrationTests.Nodes;

/// <summary>
/// A secured server plus a remote node (<c>superkube node</c>'s own code path, in-process) named
/// <see cref="NodeName"/> that joins with the node-join token and serves container streams on a free port.
/// </summary>
public sealed class RemoteNodeServerFixture : ServerFixture
{
    public const string NodeName = "remote-streams";

    private NodeHost? _node;

    /// <summary>The node's host, for its registration details.</summary>
    internal NodeHost Node => _node ?? throw new InvalidOperationException("not started");

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _node = await StartNodeAsync(NodeName);
        (await Kubectl.RunAsync("wait", "--for=condition=Ready", "node/" + NodeName, "--timeout=60s")).EnsureSuccess();
    }

    /// <summary>Starts another remote node with the Fake runtime; the caller disposes it.</summary>
    internal Task<NodeHost> StartNodeAsync(string name)
    {
        var settings = new NodeSettings
        {
            Server = Url, Token = Pki.NodeToken, CaFile = Path.Combine(Pki.Directory, "ca.crt"),
            NodeName = name, DataDir = Path.Combine(DataDir, name), StreamingPort = 0,
        };
        return NodeHost.StartAsync(settings, TextWriter.Null, CancellationToken.None);
    }

    public override async ValueTask DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}
