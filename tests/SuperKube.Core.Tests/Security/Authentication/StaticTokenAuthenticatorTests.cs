namespace SuperKube.Security.Authentication.Tests;

public sealed class StaticTokenAuthenticatorTests
{
    private static readonly StaticTokenAuthenticator Authenticator = new(
        ["# comment", "", "t1,alice,u1,\"dev,ops\"", "t2,bob,u2", "broken"], "join-secret");

    [Fact]
    public void Authenticate_TokenFileLines_UserWithGroups()
    {
        var alice = Authenticator.Authenticate("t1", "");
        var bob = Authenticator.Authenticate("t2", "");

        Assert.Equal("alice", alice?.Name);
        Assert.Equal(["dev", "ops", "system:authenticated"], alice?.Groups);
        Assert.Equal("u1", alice?.Uid);
        Assert.Equal(["system:authenticated"], bob?.Groups);
        Assert.Null(Authenticator.Authenticate("broken", ""));
        Assert.Null(Authenticator.Authenticate("t3", ""));
    }

    [Fact]
    public void Authenticate_NodeToken_NeedsAValidNodeName()
    {
        var node = Authenticator.Authenticate("join-secret", "worker-1");

        Assert.Equal("system:node:worker-1", node?.Name);
        Assert.Contains("system:nodes", node!.Groups);
        Assert.Null(Authenticator.Authenticate("join-secret", ""));
        Assert.Null(Authenticator.Authenticate("join-secret", "Bad Name"));
        Assert.Null(Authenticator.Authenticate("join-secreT", "worker-1"));
    }
}
