using SuperKube.IntegrationTests.Infrastructure;

namespace SuperKube.IntegrationTests.Kubectl;

/// <summary>
/// Events are not held by the watch cache (as in Kubernetes): kubectl's get, field selectors, paging, patch and watch
/// on them are served from the store and the cache's history window.
/// </summary>
public sealed class KubectlEventsTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private Infrastructure.Kubectl K => server.Kubectl;

    [Fact]
    public async Task GetEvents_SelectorsPagingAndPatch_ServedFromTheStore()
    {
        var ns = await NewNamespaceAsync();
        await CreateEventAsync(ns, "e1", "pod-a", "first");
        await CreateEventAsync(ns, "e2", "pod-b", "second");
        await CreateEventAsync(ns, "e3", "pod-a", "third");

        var all = (await K.RunAsync("get", "events", "-n", ns, "--chunk-size=1", "-o", "custom-columns=NAME:.metadata.name,MSG:.message", "--no-headers")).EnsureSuccess();
        Assert.Equal(["e1 first", "e2 second", "e3 third"], Lines(all.StdOut));

        var aboutA = (await K.RunAsync("get", "events", "-n", ns, "--field-selector", "involvedObject.name=pod-a", "-o", "name")).EnsureSuccess();
        Assert.Equal(["event/e1", "event/e3"], Lines(aboutA.StdOut));

        (await K.RunAsync("label", "event", "e2", "-n", ns, "checked=yes")).EnsureSuccess();
        var labelled = (await K.RunAsync("get", "events", "-n", ns, "-l", "checked=yes", "-o", "name")).EnsureSuccess();
        Assert.Equal(["event/e2"], Lines(labelled.StdOut));

        var missing = await K.RunAsync("get", "event", "nope", "-n", ns);
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("events \"nope\" not found", missing.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetEventsWatch_ListsExistingThenStreamsNewAndChanged()
    {
        var ns = await NewNamespaceAsync();
        await CreateEventAsync(ns, "before", "pod-a", "old news");
        using var watch = K.Start(["get", "events", "-n", ns, "-w", "-o", "custom-columns=NAME:.metadata.name,MSG:.message", "--no-headers"]);
        var lines = new LineReader(watch.StandardOutput);
        try
        {
            Assert.Equal("before old news", Words(await lines.WaitForAsync(l => l.StartsWith("before", StringComparison.Ordinal), TimeSpan.FromSeconds(20))));

            await CreateEventAsync(ns, "after", "pod-a", "fresh");
            Assert.Equal("after fresh", Words(await lines.WaitForAsync(l => l.StartsWith("after", StringComparison.Ordinal), TimeSpan.FromSeconds(20))));

            (await K.RunAsync("patch", "event", "before", "-n", ns, "--type=merge", "-p", "{\"message\":\"updated\"}")).EnsureSuccess();
            Assert.Equal("before updated", Words(await lines.WaitForAsync(l => l.Contains("updated", StringComparison.Ordinal), TimeSpan.FromSeconds(20))));
            Assert.False(watch.HasExited, "kubectl get -w must stay open");
        }
        finally
        {
            watch.Kill(entireProcessTree: true);
        }
    }

    private async Task CreateEventAsync(string ns, string name, string about, string message)
    {
        var yaml = $"""
            apiVersion: v1
            kind: Event
            metadata:
              name: {name}
              namespace: {ns}
            involvedObject:
              apiVersion: v1
              kind: Pod
              name: {about}
              namespace: {ns}
            reason: Tested
            message: {message}
            type: Normal
            """;
        (await K.RunAsync(["create", "-f", "-"], yaml, Infrastructure.Kubectl.DefaultTimeout)).EnsureSuccess();
    }

    private async Task<string> NewNamespaceAsync()
    {
        var name = "ev-" + Guid.NewGuid().ToString("N")[..10];
        (await K.RunAsync("create", "namespace", name)).EnsureSuccess();
        return name;
    }

    private static string[] Lines(string text) => [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Words)];

    private static string Words(string line) => string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
