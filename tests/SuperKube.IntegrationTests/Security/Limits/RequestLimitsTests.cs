using System.Net;
using System.Text;
using SuperKube.IntegrationTests.Infrastructure;

namespace SuperKube.IntegrationTests.Security.Limits;

/// <summary>
/// In-flight and watch limits, made deterministic by holding requests in the authorizer: a held request is certainly
/// in flight, so the next one of its kind gets 429 until it is released.
/// </summary>
public sealed class RequestLimitsTests(LimitedServerFixture server) : IClassFixture<LimitedServerFixture>
{
    private const string ConfigMaps = "/api/v1/namespaces/default/configmaps";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<Task<HttpResponseMessage>> HoldAsync(HttpClient held, Func<HttpClient, Task<HttpResponseMessage>> send)
    {
        var before = server.Holder.Held;
        var request = send(held);
        await Poll.UntilAsync(() => Task.FromResult(server.Holder.Held > before || request.IsCompleted), Deadline, "the request was not held");
        Assert.False(request.IsCompleted, "the held request finished early");
        return request;
    }

    private static StringContent ConfigMap(string name) => new("{\"metadata\":{\"name\":\"" + name + "\"}}", Encoding.UTF8, "application/json");

    [Fact]
    public async Task ReadOnlyLimit_Full_429WithRetryAfter_OnlyForReadsOfNonMasters()
    {
        using var held = server.As("held-reader");
        using var other = server.As("reader");
        var name = "cm-" + Guid.NewGuid().ToString("N")[..6];
        var heldGet = await HoldAsync(held, c => c.GetAsync(ConfigMaps, Ct));

        using var rejected = await other.GetAsync(ConfigMaps, Ct);
        using var discovery = await other.GetAsync("/apis", Ct);
        using var write = await other.PostAsync(ConfigMaps, ConfigMap(name), Ct);
        using var logs = await other.GetAsync("/api/v1/namespaces/default/pods/no-such-pod/log", Ct);
        using var watch = await other.GetAsync(ConfigMaps + "?watch=true&timeoutSeconds=1", HttpCompletionOption.ResponseHeadersRead, Ct);
        using var admin = await server.Http.GetAsync(ConfigMaps, Ct);
        server.Holder.ReleaseAll();
        using var released = await heldGet;
        using var after = await other.GetAsync(ConfigMaps, Ct);

        var status = await StatusAssert.IsStatusAsync(rejected, 429, "TooManyRequests");
        Assert.Equal("Too many requests, please try again later.", (string?)status["message"]);
        Assert.Equal(1, (int?)status["details"]!["retryAfterSeconds"]);
        Assert.Equal("1", rejected.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await StatusAssert.IsStatusAsync(discovery, 429, "TooManyRequests");
        Assert.Equal(HttpStatusCode.Created, write.StatusCode);
        await StatusAssert.IsStatusAsync(logs, 404, "NotFound"); // long-running: not counted, so not turned away
        Assert.Equal(HttpStatusCode.OK, watch.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode); // system:masters is always served
        Assert.Equal(HttpStatusCode.OK, released.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(0, server.Limiter.ReadOnlyInFlight);
    }

    [Fact]
    public async Task MutatingLimit_Full_429ForWritesWhileReadsGoOn()
    {
        using var held = server.As("held-writer");
        using var other = server.As("writer");
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var heldPost = await HoldAsync(held, c => c.PostAsync(ConfigMaps, ConfigMap("held-" + suffix), Ct));

        using var rejected = await other.PostAsync(ConfigMaps, ConfigMap("other-" + suffix), Ct);
        using var deleteRejected = await other.DeleteAsync(ConfigMaps + "/anything", Ct);
        using var read = await other.GetAsync(ConfigMaps, Ct);
        server.Holder.ReleaseAll();
        using var released = await heldPost;
        using var after = await other.PostAsync(ConfigMaps, ConfigMap("other-" + suffix), Ct);

        await StatusAssert.IsStatusAsync(rejected, 429, "TooManyRequests");
        await StatusAssert.IsStatusAsync(deleteRejected, 429, "TooManyRequests");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Created, released.StatusCode);
        Assert.Equal(HttpStatusCode.Created, after.StatusCode);
    }

    [Fact]
    public async Task Kubectl_RetriesAfterRetryAfter_SucceedsOnceTheSlotIsFree()
    {
        using var held = server.As("held-kubectl");
        var kubectl = server.KubectlAs("kube-reader", "testers");
        var heldGet = await HoldAsync(held, c => c.GetAsync(ConfigMaps, Ct));
        var rejectedBefore = server.Limiter.Rejected;

        var run = kubectl.RunAsync("get", "configmaps", "-n", "default", "-v=6");
        await Poll.UntilAsync(() => Task.FromResult(server.Limiter.Rejected > rejectedBefore || run.IsCompleted), Deadline, "kubectl was not turned away");
        server.Holder.ReleaseAll();
        var result = await run;
        using var released = await heldGet;

        result.EnsureSuccess();
        Assert.Contains("429 Too Many Requests", result.StdErr);
    }

    [Fact]
    public async Task WatchesPerUser_OverTheLimit_429_OtherUsersUnaffected_FreedWhenClosed()
    {
        using var watcher = server.As("watcher");
        using var other = server.As("other-watcher");
        string Watch(string rv = "") => ConfigMaps + "?watch=true&timeoutSeconds=60" + rv;

        var first = await watcher.GetAsync(Watch(), HttpCompletionOption.ResponseHeadersRead, Ct);
        using var second = await watcher.GetAsync(Watch(), HttpCompletionOption.ResponseHeadersRead, Ct);
        using var third = await watcher.GetAsync(Watch(), HttpCompletionOption.ResponseHeadersRead, Ct);
        using var otherUser = await other.GetAsync(Watch(), HttpCompletionOption.ResponseHeadersRead, Ct);
        using var list = await watcher.GetAsync(ConfigMaps, Ct);
        first.Dispose();
        var again = await Poll.UntilAsync(
            async () =>
            {
                var response = await watcher.GetAsync(Watch(), HttpCompletionOption.ResponseHeadersRead, Ct);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return response;
                }

                response.Dispose();
                return null;
            },
            Deadline,
            () => "the closed watch was not given back");
        again.Dispose();

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var status = await StatusAssert.IsStatusAsync(third, 429, "TooManyRequests");
        Assert.Equal("Too many watches open for user \"watcher\" (limit 2), please try again later.", (string?)status["message"]);
        Assert.Equal(HttpStatusCode.OK, otherUser.StatusCode);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
    }

    [Fact]
    public async Task ChunkedBodyOver3MiB_413()
    {
        using var writer = server.As("big-writer");
        var body = Encoding.UTF8.GetBytes("{\"metadata\":{\"name\":\"big\"},\"data\":{\"k\":\"" + new string('x', 3 * 1024 * 1024) + "\"}}");
        using var content = new StreamContent(new UnseekableStream(body));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        using var response = await writer.PostAsync(ConfigMaps, content, Ct);

        Assert.Null(content.Headers.ContentLength);
        var status = await StatusAssert.IsStatusAsync(response, 413, "RequestEntityTooLarge");
        Assert.Equal("the request body is larger than the limit of 3145728 bytes", (string?)status["message"]);
    }

    /// <summary>A stream whose length is unknown, so HttpClient sends it chunked.</summary>
    private sealed class UnseekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
