namespace SuperKube.Api.Tests;

public sealed class RequestInfoTests
{
    [Theory]
    [InlineData("/api/v1/namespaces/default/pods/web/status", "", "v1", "default", "pods", "web", "status")]
    [InlineData("/api/v1/pods", "", "v1", "", "pods", "", "")]
    [InlineData("/apis/apps/v1/namespaces/ns/deployments/web/scale", "apps", "v1", "ns", "deployments", "web", "scale")]
    [InlineData("/api/v1/nodes/n1", "", "v1", "", "nodes", "n1", "")]
    [InlineData("/api/v1/namespaces/kube-system", "", "v1", "kube-system", "namespaces", "kube-system", "")]
    [InlineData("/api/v1/namespaces/gone/finalize", "", "v1", "gone", "namespaces", "gone", "finalize")]
    [InlineData("/api/v1/namespaces", "", "v1", "", "namespaces", "", "")]
    public void Parse_ResourcePaths_SplitsLikeTheApiServer(string path, string group, string version, string ns, string resource, string name, string sub)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);

        var info = RequestInfo.Parse(parts[0] == "api", parts[1..])!;

        Assert.Equal((group, version, ns, resource, name, sub), (info.Group, info.Version, info.Namespace, info.Resource, info.Name, info.Subresource));
    }

    [Theory]
    [InlineData("/api")]
    [InlineData("/api/v1")]
    [InlineData("/apis")]
    [InlineData("/apis/apps")]
    [InlineData("/apis/apps/v1")]
    public void Parse_DiscoveryPaths_ReturnsNull(string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);

        Assert.Null(RequestInfo.Parse(parts[0] == "api", parts[1..]));
    }

    [Fact]
    public void Parse_LegacyWatchPrefix_MarksWatch()
    {
        var info = RequestInfo.Parse(true, ["v1", "watch", "namespaces", "default", "pods"])!;

        Assert.True(info.WatchPath);
        Assert.Equal(("default", "pods"), (info.Namespace, info.Resource));
    }
}
