using System.Net.Security;
using SuperKube.IntegrationTests.Infrastructure;

namespace SuperKube.IntegrationTests.Nodes;

/// <summary>
/// <c>kubectl logs</c>, <c>exec</c>, <c>attach</c> and <c>port-forward</c> against pods on a remote node: the API
/// server relays each stream to the node's streaming server over mutually authenticated HTTPS.
/// </summary>
public sealed class RemoteNodeStreamingTests(RemoteNodeServerFixture server) : IClassFixture<RemoteNodeServerFixture>
{
    private const string Wait = "--timeout=60s";
    private const string Talker = "[\"sh\", \"-c\", \"echo one; echo two; echo three; sleep 3600\"]";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private Infrastructure.Kubectl K => server.Kubectl;

    [Fact]
    public async Task Node_AdvertisesStreamingPortAndPinnedCertificate()
    {
        var node = RemoteNodeServerFixture.NodeName;

        var port = (await K.RunAsync("get", "node", node, "-o", "jsonpath={.status.daemonEndpoints.kubeletEndpoint.Port}")).EnsureSuccess().StdOut;
        var pin = (await K.RunAsync("get", "node", node, "-o", "jsonpath={.metadata.annotations.superkube\\.io/streaming-certificate-sha256}")).EnsureSuccess().StdOut;

        Assert.Equal(server.Node.Node.KubeletPort.ToString(System.Globalization.CultureInfo.InvariantCulture), port);
        Assert.NotEqual("10250", port);
        Assert.Matches("^[0-9a-f]{64}$", pin);
    }

    [Fact]
    public async Task Logs_RemotePod_PrintsOutputAndHonoursTail()
    {
        var ns = await RunningPodAsync(Talker);

        var all = (await K.RunAsync("logs", "web", "-n", ns)).EnsureSuccess();
        var tail = (await K.RunAsync("logs", "web", "-n", ns, "--tail=1")).EnsureSuccess();

        Assert.Equal("one\ntwo\nthree\n", all.StdOut);
        Assert.Equal("three\n", tail.StdOut);
    }

    [Fact]
    public async Task LogsFollow_RemoteContainerExits_StreamEnds()
    {
        var ns = await NewNamespaceAsync();
        await ApplyAsync(ns, "[\"sh\", \"-c\", \"echo first; sleep 2; echo last\"]", "restartPolicy: Never");

        var result = (await K.RunAsync(["logs", "-f", "pod/web", "-n", ns, "--pod-running-timeout=60s"], null, Bound)).EnsureSuccess();

        Assert.Equal("first\nlast\n", result.StdOut);
    }

    [Fact]
    public async Task Exec_RemotePod_OutputAndExitCode()
    {
        var ns = await RunningPodAsync(Talker);

        var echo = (await K.RunAsync("exec", "web", "-n", ns, "--", "echo", "hi")).EnsureSuccess();
        var failing = await K.RunAsync("exec", "web", "-n", ns, "--", "sh", "-c", "exit 3");

        Assert.Equal("hi\n", echo.StdOut);
        Assert.Equal(3, failing.ExitCode);
        Assert.Contains("command terminated with exit code 3", failing.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecInteractive_RemotePod_EchoesStdinUntilItCloses()
    {
        var ns = await RunningPodAsync(Talker);

        var result = (await K.RunAsync(["exec", "-i", "web", "-n", ns, "--", "cat"], "hello\nworld\n", Bound)).EnsureSuccess();

        Assert.Equal("hello\nworld\n", result.StdOut);
    }

    [Fact]
    public async Task Attach_RemotePod_StreamsNewOutput()
    {
        var ns = await RunningPodAsync("[\"sh\", \"-c\", \"while true; do echo tick; sleep 1; done\"]");

        var line = await KubectlStreams.AttachUntilAsync(K, ns, "web", "tick", Bound);

        Assert.Equal("tick", line);
    }

    [Fact]
    public async Task PortForward_RemotePod_TwoConcurrentRequestsAnswered()
    {
        var ns = await RunningPodAsync(Talker);
        using var http = new HttpClient { Timeout = Bound };

        var answers = await KubectlStreams.PortForwardAsync(K, ns, "web", 80, Bound, port => Task.WhenAll(
            http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/a")),
            http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/b"))));

        Assert.All(answers, a => Assert.Equal("ok from web\n", a));
    }

    [Fact]
    public async Task LogsFollow_NodeStops_KubectlEndsAndTheServerStaysUp()
    {
        const string name = "remote-leaving";
        var node = await server.StartNodeAsync(name);
        var ns = await NewNamespaceAsync();
        (await K.RunAsync("apply", "-f", PodManifests.Pod(ns, "web", name, Talker))).EnsureSuccess();
        (await K.RunAsync("wait", "--for=condition=Ready", "pod/web", "-n", ns, Wait)).EnsureSuccess();
        using var follow = K.Start(["logs", "-f", "web", "-n", ns]);
        var lines = new LineReader(follow.StandardOutput);
        await lines.WaitForAsync(l => l == "three", Bound);

        await node.DisposeAsync();
        using var exited = new CancellationTokenSource(Bound);
        await follow.WaitForExitAsync(exited.Token);
        var after = await K.RunAsync("logs", "web", "-n", ns);

        Assert.NotEqual(0, after.ExitCode);
        Assert.Contains("error dialing backend", after.StdErr, StringComparison.Ordinal);
        (await K.RunAsync("get", "--raw", "/readyz")).EnsureSuccess();
    }

    [Fact]
    public async Task StreamingServer_ClientWithoutTheApiServerCertificate_Refused()
    {
        var url = new Uri($"https://127.0.0.1:{server.Node.Node.KubeletPort}/containerLogs/default/web/uid/main");
        using var anonymous = Client(certificate: null);
        using var admin = Client(server.Pki.Admin); // a user certificate, signed by the client CA rather than the cluster CA

        await Assert.ThrowsAsync<HttpRequestException>(() => anonymous.GetAsync(url, TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<HttpRequestException>(() => admin.GetAsync(url, TestContext.Current.CancellationToken));
    }

    private static HttpClient Client(System.Security.Cryptography.X509Certificates.X509Certificate2? certificate)
    {
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, errors) => errors == SslPolicyErrors.RemoteCertificateChainErrors; // self-signed node certificate
        if (certificate is not null)
        {
            handler.SslOptions.ClientCertificates = [certificate];
        }

        return new HttpClient(handler) { Timeout = Bound };
    }

    private async Task<string> RunningPodAsync(string command)
    {
        var ns = await NewNamespaceAsync();
        await ApplyAsync(ns, command);
        (await K.RunAsync("wait", "--for=condition=Ready", "pod/web", "-n", ns, Wait)).EnsureSuccess();
        return ns;
    }

    private async Task ApplyAsync(string ns, string command, string extraSpec = "") =>
        (await K.RunAsync("apply", "-f", PodManifests.Pod(ns, "web", RemoteNodeServerFixture.NodeName, command, extraSpec))).EnsureSuccess();

    private async Task<string> NewNamespaceAsync()
    {
        var ns = "remote-" + Guid.NewGuid().ToString("N")[..8];
        (await K.RunAsync("create", "namespace", ns)).EnsureSuccess();
        return ns;
    }
}
