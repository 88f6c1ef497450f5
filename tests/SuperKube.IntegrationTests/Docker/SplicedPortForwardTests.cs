using System.Security.Cryptography;
using SuperKube.IntegrationTests.Infrastructure;
using SuperKube.IntegrationTests.Nodes;
using SuperKube.Runtime.Docker.Tests;
using SuperKube.Splicing;
using SuperKube.Streaming;

namespace SuperKube.IntegrationTests.Docker;

/// <summary>
/// kubectl port-forward over plain HTTP to a Docker pod, where the server splices the pod's bytes into kubectl's
/// connection (<see cref="SplicedDataPump"/>) instead of copying them; the TLS server of <see cref="DockerKubectlTests"/>
/// covers the copying path.
/// </summary>
public sealed class SplicedPortForwardTests(PlainHttpDockerServerFixture server) : IClassFixture<PlainHttpDockerServerFixture>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    private Infrastructure.Kubectl K => server.Kubectl;

    [Fact]
    public async Task PortForward_LargeFileOnTwoConnections_SplicedIntactAndInOrder()
    {
        // 24 MiB of random bytes downloaded twice at once: the two streams' spliced DATA frames interleave on kubectl's
        // one WebSocket, so a frame header sent for the wrong length, or one stream's bytes in the other's frame, or
        // bytes out of order, change a checksum.
        var ns = await RunningWebPodAsync("mkdir -p /www && head -c 25165824 /dev/urandom > /www/big && exec httpd -f -p 8080 -h /www", "/big");
        using var http = new HttpClient { Timeout = Bound };
        var splicedBefore = SplicedDataPump.Started;

        var received = await KubectlStreams.PortForwardAsync(K, ns, "web", 8080, Bound, port => Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
            Convert.ToHexStringLower(SHA256.HashData(await http.GetByteArrayAsync(new Uri($"http://127.0.0.1:{port}/big")))))));
        var stored = (await K.RunAsync(["exec", "web", "-n", ns, "--", "sha256sum", "/www/big"], null, Bound)).EnsureSuccess().StdOut.Split(' ')[0];

        Assert.All(received, r => Assert.Equal(stored, r));
        Assert.SkipUnless(Libc.IsSupported, "splice(2) is Linux-only: the bytes were copied");
        Assert.True(SplicedDataPump.Started - splicedBefore >= 2, "the pod's bytes were copied, not spliced");
    }

    [Fact]
    public async Task PortForward_ManySmallExchanges_EachAnsweredWhole()
    {
        // Small answers become small spliced frames (a header sent, a few hundred bytes spliced): twenty requests in
        // turn, each on a new connection, then five at once.
        var ns = await RunningWebPodAsync("mkdir -p /www && seq 1 200 > /www/index.html && exec httpd -f -p 8080 -h /www", "/index.html");
        using var http = new HttpClient { Timeout = Bound };
        var expected = string.Concat(Enumerable.Range(1, 200).Select(i => i + "\n"));

        var answers = await KubectlStreams.PortForwardAsync(K, ns, "web", 8080, Bound, async port =>
        {
            var url = new Uri($"http://127.0.0.1:{port}/index.html");
            var inTurn = new List<string>();
            for (var i = 0; i < 20; i++)
            {
                inTurn.Add(await http.GetStringAsync(url));
            }

            return inTurn.Concat(await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => http.GetStringAsync(url)))).ToList();
        });

        Assert.Equal(25, answers.Count);
        Assert.All(answers, a => Assert.Equal(expected, a));
    }

    /// <summary>Runs the <c>web</c> pod with <paramref name="script"/> and waits until httpd serves <paramref name="path"/> inside it (a refused connection would end kubectl's port-forward).</summary>
    private async Task<string> RunningWebPodAsync(string script, string path)
    {
        server.Require();
        var ns = await server.NewNamespaceAsync();
        var node = (await K.RunAsync("get", "nodes", "-l", "node-role.kubernetes.io/control-plane", "-o", "jsonpath={.items[0].metadata.name}")).EnsureSuccess().StdOut.Trim();
        var command = $"[\"sh\", \"-c\", \"{script}\"]";
        (await K.RunAsync("apply", "-f", PodManifests.Pod(ns, "web", node, command, image: DockerEngine.TestImage))).EnsureSuccess();
        (await K.RunAsync("wait", "--for=condition=Ready", "pod/web", "-n", ns, "--timeout=90s")).EnsureSuccess();
        await Poll.UntilAsync(
            async () => (await K.RunAsync(["exec", "web", "-n", ns, "--", "wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080" + path], null, Bound)).ExitCode == 0,
            Bound,
            "httpd never answered");
        return ns;
    }
}
