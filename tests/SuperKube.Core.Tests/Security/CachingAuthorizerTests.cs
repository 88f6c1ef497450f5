namespace SuperKube.Security.Tests;

public sealed class CachingAuthorizerTests
{
    private static readonly UserInfo Jane = new("jane", ["system:authenticated"]);

    private static AuthorizationAttributes Get(UserInfo user, string name = "cfg") => new(user, "get", "", "configmaps", "", "team", name, true, "");

    [Fact]
    public async Task AuthorizeAsync_SameRequestNothingChanged_AskedOnce()
    {
        var inner = new CountingAuthorizer();
        var authorizer = new CachingAuthorizer(inner, new FakeObjects());

        var first = await authorizer.AuthorizeAsync(Get(Jane), TestContext.Current.CancellationToken);
        var second = await authorizer.AuthorizeAsync(Get(Jane), TestContext.Current.CancellationToken);

        Assert.Null(first);
        Assert.Null(second);
        Assert.Equal(1, inner.Calls);
    }

    [Fact]
    public async Task AuthorizeAsync_AnObjectChanged_DecidesAgain()
    {
        var inner = new CountingAuthorizer();
        var objects = new FakeObjects();
        var authorizer = new CachingAuthorizer(inner, objects);
        await authorizer.AuthorizeAsync(Get(Jane), TestContext.Current.CancellationToken);

        inner.Deny = true;
        objects.Add("rbac.authorization.k8s.io", "roles", "team", """{"metadata":{"name":"r"}}""");
        var after = await authorizer.AuthorizeAsync(Get(Jane), TestContext.Current.CancellationToken);

        Assert.Equal("", after);
        Assert.Equal(2, inner.Calls);
    }

    [Fact]
    public async Task AuthorizeAsync_OtherUserGroupsOrName_NotShared()
    {
        var inner = new CountingAuthorizer();
        var authorizer = new CachingAuthorizer(inner, new FakeObjects());

        await authorizer.AuthorizeAsync(Get(Jane), TestContext.Current.CancellationToken);
        await authorizer.AuthorizeAsync(Get(new UserInfo("jane", ["admins"])), TestContext.Current.CancellationToken);
        await authorizer.AuthorizeAsync(Get(new UserInfo("joe", ["system:authenticated"])), TestContext.Current.CancellationToken);
        await authorizer.AuthorizeAsync(Get(Jane, "other"), TestContext.Current.CancellationToken);

        Assert.Equal(4, inner.Calls);
    }

    private sealed class CountingAuthorizer : IAuthorizer
    {
        public int Calls { get; private set; }

        public bool Deny { get; set; }

        public ValueTask<string?> AuthorizeAsync(AuthorizationAttributes attributes, CancellationToken cancellationToken)
        {
            Calls++;
            return ValueTask.FromResult(Deny ? "" : null);
        }
    }
}
