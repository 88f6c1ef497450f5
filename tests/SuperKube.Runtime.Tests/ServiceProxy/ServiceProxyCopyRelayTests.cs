namespace SuperKube.Runtime.ServiceProxy.Tests;

/// <summary>Every <see cref="ServiceProxyTests"/> case again, with TCP through the user-space copy relay (the default).</summary>
public sealed class ServiceProxyCopyRelayTests : ServiceProxyTests
{
    private protected override bool ZeroCopy => false;
}
