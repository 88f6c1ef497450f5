namespace SuperKube.Runtime.ServiceProxy.Relay.Tests;

public sealed class CopyTcpRelayTests : TcpRelayTests
{
    private protected override ITcpRelay Relay { get; } = new CopyTcpRelay();
}
