using System.Net.Security;
using SuperKube.Host;
using SuperKube.IntegrationTests.Infrastructure;
using SuperKube.IntegrationTests.Streaming;

namespace SuperKube.IntegrationTests.Nodes;

/// <summary>
/// The streaming scenarios against pods on a remote node: the API server relays each stream to the node's streaming
/// server over mutually authenticated HTTPS. Plus what is particular to remote nodes: the advertised endpoint, a node
/// that stops mid-stream or before a stream, and the node refusing anyone but the API server.
/// </summary>
public sealed class RemoteNodeStreamingTests(RemoteNodeServerFixture server) : PodStreamingScenarios(server), IClassFixture<RemoteNodeServerFixture>
{
    protected override Task<string> NodeNameAsync() => Task.FromResult(RemoteNodeServerFixture.NodeName);

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
    public async Task LogsFollow_NodeStops_KubectlEndsAndTheServerStaysUp()
    {
        var (node, ns) = await ReadyPodOnNewNodeAsync("remote-leaving");
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
    public async Task ExecAttachPortForward_NodeStopped_KubectlPrintsTheDialErrorOnceAndTheServerStaysUp()
    {
        var (node, ns) = await ReadyPodOnNewNodeAsync("remote-stopped");

        await node.DisposeAsync();
        // kubectl tries a WebSocket first and falls back to SPDY when the upgrade is refused; both answers are the dial error.
        var exec = await K.RunAsync(["exec", "web", "-n", ns, "--", "echo", "hi"], null, Bound);
        var attach = await K.RunAsync(["attach", "web", "-n", ns, "--quiet"], null, Bound);
        var forward = await K.RunAsync(["port-forward", "pod/web", ":80", "-n", ns], null, Bound);

        Assert.NotEqual(0, exec.ExitCode);
        AssertOneLine(@"Error from server: error dialing backend: dial tcp [\d.]+:\d+: connect: Connection refused", exec);
        Assert.NotEqual(0, attach.ExitCode);
        AssertOneLine(@"Error from server: error dialing backend: dial tcp [\d.]+:\d+: connect: Connection refused", attach);
        Assert.NotEqual(0, forward.ExitCode);
        AssertOneLine(@"error: error upgrading connection: error dialing backend: dial tcp [\d.]+:\d+: connect: Connection refused", forward);
        Assert.DoesNotContain("Forwarding from", forward.StdOut, StringComparison.Ordinal);
        (await K.RunAsync("get", "--raw", "/readyz")).EnsureSuccess();
        (await K.RunAsync("get", "pod", "web", "-n", ns)).EnsureSuccess();
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

    /// <summary>Starts another remote node (the caller disposes it) and a ready pod <c>web</c> on it, in a new namespace.</summary>
    private async Task<(NodeHost Node, string Namespace)> ReadyPodOnNewNodeAsync(string nodeName)
    {
        var node = await server.StartNodeAsync(nodeName);
        var ns = await NewNamespaceAsync();
        (await K.RunAsync("apply", "-f", PodManifests.Pod(ns, "web", nodeName, Server))).EnsureSuccess();
        (await K.RunAsync("wait", "--for=condition=Ready", "pod/web", "-n", ns, Wait)).EnsureSuccess();
        return (node, ns);
    }

    private static void AssertOneLine(string pattern, KubectlResult result) =>
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(result.StdErr.Trim(), "^" + pattern + "$"), $"expected one line matching {pattern}, got: {result.StdErr}");

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
}
