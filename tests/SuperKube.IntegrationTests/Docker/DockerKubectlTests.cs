using SuperKube.IntegrationTests.Infrastructure;
using SuperKube.IntegrationTests.Nodes;
using SuperKube.Runtime.Docker;
using SuperKube.Runtime.Docker.Tests;

namespace SuperKube.IntegrationTests.Docker;

/// <summary>The real kubectl against a server whose embedded node runs pods as Docker containers.</summary>
public sealed class DockerKubectlTests(DockerServerFixture server) : IClassFixture<DockerServerFixture>
{
    private const string Wait = "--timeout=90s";
    private const string Talker = "[\"sh\", \"-c\", \"echo one; echo two; echo three; sleep 3600\"]";
    private const string WebServer = "[\"sh\", \"-c\", \"echo ok from web > /var/www/index.html; exec httpd -f -p 8080 -h /var/www\"]";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    private Infrastructure.Kubectl K => server.Kubectl;

    [Fact]
    public async Task Deployment_BusyboxPods_RunningWithBridgeAddresses()
    {
        var ns = await NamespaceAsync();
        var manifest = PodManifests.Write($$"""
            apiVersion: apps/v1
            kind: Deployment
            metadata: { name: web, namespace: {{ns}} }
            spec:
              replicas: 2
              selector: { matchLabels: { app: web } }
              template:
                metadata: { labels: { app: web } }
                spec:
                  terminationGracePeriodSeconds: 1
                  containers:
                  - name: main
                    image: {{DockerEngine.TestImage}}
                    command: ["sleep", "3600"]
            """);

        (await K.RunAsync("apply", "-f", manifest)).EnsureSuccess();
        (await K.RunAsync("rollout", "status", "deployment/web", "-n", ns, Wait)).EnsureSuccess();
        var phases = (await K.RunAsync("get", "pods", "-n", ns, "-o", "jsonpath={.items[*].status.phase}")).EnsureSuccess().StdOut;
        var ips = (await K.RunAsync("get", "pods", "-n", ns, "-o", "jsonpath={.items[*].status.podIP}")).EnsureSuccess().StdOut.Split(' ');
        var nodeInfo = (await K.RunAsync("get", "nodes", "-o", "jsonpath={.items[0].status.nodeInfo.containerRuntimeVersion}")).EnsureSuccess().StdOut;

        Assert.Equal("Running Running", phases);
        Assert.Equal(2, ips.Distinct().Count());
        Assert.All(ips, ip => Assert.Matches(@"^\d+\.\d+\.\d+\.\d+$", ip));
        Assert.StartsWith("docker://", nodeInfo);
    }

    [Fact]
    public async Task Logs_RunningPod_AllAndFollowWithTail()
    {
        var ns = await RunningPodAsync(Talker);

        var all = (await K.RunAsync("logs", "web", "-n", ns)).EnsureSuccess();
        using var follow = K.Start(["logs", "-f", "--tail=1", "web", "-n", ns]);
        try
        {
            var lines = new LineReader(follow.StandardOutput);
            var first = await lines.WaitForAsync(_ => true, Bound);

            Assert.Equal("one\ntwo\nthree\n", all.StdOut);
            Assert.Equal("three", first);
            Assert.False(follow.HasExited);
        }
        finally
        {
            follow.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public async Task LogsFollow_ContainerExits_StreamEnds()
    {
        var ns = await NamespaceAsync();
        await ApplyAsync(ns, "[\"sh\", \"-c\", \"echo first; sleep 2; echo last\"]", "restartPolicy: Never");
        await PollAsync(async () =>
            (await K.RunAsync("get", "pod", "web", "-n", ns, "-o", "jsonpath={.status.phase}")).StdOut is "Running" or "Succeeded" ? "started" : null);

        var result = (await K.RunAsync(["logs", "-f", "pod/web", "-n", ns, "--pod-running-timeout=90s"], null, Bound)).EnsureSuccess();

        Assert.Equal("first\nlast\n", result.StdOut);
    }

    [Fact]
    public async Task Exec_Echo_PrintsOutput()
    {
        var ns = await RunningPodAsync(Talker);

        var result = (await K.RunAsync("exec", "web", "-n", ns, "--", "echo", "hi")).EnsureSuccess();

        Assert.Equal("hi\n", result.StdOut);
    }

    [Fact]
    public async Task Exec_NonZeroExit_KubectlExitsWithTheSameCode()
    {
        var ns = await RunningPodAsync(Talker);

        var result = await K.RunAsync("exec", "web", "-n", ns, "--", "sh", "-c", "exit 3");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("command terminated with exit code 3", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecInteractive_Cat_EchoesStdin()
    {
        var ns = await RunningPodAsync(Talker);

        var result = (await K.RunAsync(["exec", "-i", "web", "-n", ns, "--", "cat"], "hello\nworld\n", Bound)).EnsureSuccess();

        Assert.Equal("hello\nworld\n", result.StdOut);
    }

    [Fact]
    public async Task PortForward_Httpd_AnswersOverLoopback()
    {
        var ns = await RunningPodAsync(WebServer);
        using var http = new HttpClient { Timeout = Bound };

        var (body, concurrent) = await KubectlStreams.PortForwardAsync(K, ns, "web", 8080, Bound, async port =>
        {
            var url = new Uri($"http://127.0.0.1:{port}/index.html");
            var first = await PollAsync(async () =>
            {
                try
                {
                    return await http.GetStringAsync(url);
                }
                catch (HttpRequestException)
                {
                    return null; // httpd may still be starting
                }
            });
            return (first, await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => http.GetStringAsync(url))));
        });

        Assert.Equal("ok from web\n", body);
        Assert.All(concurrent, c => Assert.Equal("ok from web\n", c));
    }

    [Fact]
    public async Task PortForward_ServerOnThePodsLocalhost_Answers()
    {
        // As with the kubelet, port-forward reaches the pod's own localhost, not only what listens on its address.
        Assert.SkipUnless(Environment.IsPrivilegedProcess, "entering a pod's network namespace takes root (CAP_SYS_ADMIN)");
        var ns = await RunningPodAsync("[\"sh\", \"-c\", \"echo local only > /tmp/index.html; exec httpd -f -p 127.0.0.1:8080 -h /tmp\"]");
        using var http = new HttpClient { Timeout = Bound };
        await ServedInsideThePodAsync(ns, "/index.html");

        var body = await KubectlStreams.PortForwardAsync(K, ns, "web", 8080, Bound, port => http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/index.html")));

        Assert.Equal("local only\n", body);
    }

    [Fact]
    public async Task PortForward_LargeFile_ArrivesIntact()
    {
        // 8 MiB of random bytes: many full-size DATA frames, alternating between the pump's two buffers.
        var ns = await RunningPodAsync("[\"sh\", \"-c\", \"mkdir -p /www && head -c 8388608 /dev/urandom > /www/big && exec httpd -f -p 8080 -h /www\"]");
        using var http = new HttpClient { Timeout = Bound };

        await ServedInsideThePodAsync(ns, "/big");

        var received = await KubectlStreams.PortForwardAsync(K, ns, "web", 8080, Bound, async port =>
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await http.GetByteArrayAsync(new Uri($"http://127.0.0.1:{port}/big")))));
        var stored = (await K.RunAsync(["exec", "web", "-n", ns, "--", "sha256sum", "/www/big"], null, Bound)).EnsureSuccess().StdOut.Split(' ')[0];

        Assert.Equal(stored, received);
    }

    [Fact]
    public async Task Attach_RunningPod_StreamsNewOutput()
    {
        var ns = await RunningPodAsync("[\"sh\", \"-c\", \"while true; do echo tick; sleep 1; done\"]");

        var line = await KubectlStreams.AttachUntilAsync(K, ns, "web", "tick", Bound);

        Assert.Equal("tick", line);
    }

    [Fact]
    public async Task ExecTty_UnderAPseudoTerminal_ContainerSeesATerminal()
    {
        var ns = await RunningPodAsync(Talker);
        // script(1) gives kubectl a pseudo-terminal, so `exec -it` negotiates a TTY as in a user's shell.
        var command = $"kubectl --kubeconfig {server.KubeconfigPath} exec -it web -n {ns} -- sh -c 'tty; echo done'";
        var info = new System.Diagnostics.ProcessStartInfo("script") { RedirectStandardOutput = true, RedirectStandardInput = true };
        foreach (var arg in new[] { "-qec", command, "/dev/null" })
        {
            info.ArgumentList.Add(arg);
        }

        using var script = System.Diagnostics.Process.Start(info)!;
        using var deadline = new CancellationTokenSource(Bound);
        var output = await script.StandardOutput.ReadToEndAsync(deadline.Token);
        await script.WaitForExitAsync(deadline.Token);

        Assert.Equal(0, script.ExitCode);
        Assert.Matches(@"/dev/pts/\d+", output);
        Assert.Contains("done\r\n", output); // a terminal turns \n into \r\n
    }

    [Fact]
    public async Task Exec_MissingContainer_ClearErrorAndServerUnharmed()
    {
        var ns = await RunningPodAsync(Talker);

        var result = await K.RunAsync("exec", "web", "-n", ns, "-c", "nope", "--", "echo", "hi");
        var after = await K.RunAsync("exec", "web", "-n", ns, "--", "echo", "still");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("container nope is not valid for pod web", result.StdErr, StringComparison.Ordinal);
        Assert.Equal("still", after.EnsureSuccess().StdOut.Trim());
    }

    [Fact]
    public async Task Cp_ToAndFromPod_RoundTrips()
    {
        var ns = await RunningPodAsync(Talker);
        var local = Path.Combine(server.DataDir, "cp-" + ns + ".txt");
        var back = local + ".back";
        await File.WriteAllTextAsync(local, "copied through tar\n");

        (await K.RunAsync("cp", local, $"{ns}/web:/tmp/in.txt")).EnsureSuccess();
        var inside = (await K.RunAsync("exec", "web", "-n", ns, "--", "cat", "/tmp/in.txt")).EnsureSuccess();
        (await K.RunAsync("cp", $"{ns}/web:/tmp/in.txt", back)).EnsureSuccess();

        Assert.Equal("copied through tar\n", inside.StdOut);
        Assert.Equal("copied through tar\n", await File.ReadAllTextAsync(back));
    }

    [Fact]
    public async Task TwoContainers_OnePod_TalkOverLocalhost()
    {
        var ns = await NamespaceAsync();
        var manifest = PodManifests.Write($$"""
            apiVersion: v1
            kind: Pod
            metadata: { name: web, namespace: {{ns}} }
            spec:
              terminationGracePeriodSeconds: 1
              containers:
              - name: server
                image: {{DockerEngine.TestImage}}
                command: {{WebServer}}
              - name: client
                image: {{DockerEngine.TestImage}}
                command: ["sleep", "3600"]
            """);
        (await K.RunAsync("apply", "-f", manifest)).EnsureSuccess();
        (await K.RunAsync("wait", "--for=condition=Ready", "pod/web", "-n", ns, Wait)).EnsureSuccess();

        var body = await PollAsync(async () =>
        {
            var result = await K.RunAsync("exec", "web", "-n", ns, "-c", "client", "--", "wget", "-q", "-O", "-", "http://127.0.0.1:8080/index.html");
            return result.ExitCode == 0 ? result.StdOut : null;
        });

        Assert.Equal("ok from web\n", body);
    }

    [Fact]
    public async Task DeletePod_RemovesItsContainers()
    {
        var ns = await RunningPodAsync(Talker);
        var uid = (await K.RunAsync("get", "pod", "web", "-n", ns, "-o", "jsonpath={.metadata.uid}")).EnsureSuccess().StdOut;
        var byPod = new Dictionary<string, string> { [DockerLabels.PodUid] = uid };
        var before = await server.Docker.ListContainersAsync(byPod, TestContext.Current.CancellationToken);

        (await K.RunAsync("delete", "pod", "web", "-n", ns, Wait)).EnsureSuccess();
        var gone = await PollAsync(async () =>
            (await server.Docker.ListContainersAsync(byPod, TestContext.Current.CancellationToken)).Count == 0 ? "gone" : null);

        Assert.Equal(2, before.Count); // the sandbox and the app container
        Assert.Equal("gone", gone);
    }

    [Fact]
    public async Task LogsPrevious_CrashLoopingContainer_ShowsTheEarlierRun()
    {
        var ns = await NamespaceAsync();
        await ApplyAsync(ns, "[\"sh\", \"-c\", \"echo run; exit 1\"]");
        await PollAsync(async () =>
            (await K.RunAsync("get", "pod", "web", "-n", ns, "-o", "jsonpath={.status.containerStatuses[0].restartCount}")).StdOut is "" or "0" ? null : "restarted");

        var previous = (await K.RunAsync("logs", "web", "-n", ns, "--previous")).EnsureSuccess();

        Assert.Equal("run\n", previous.StdOut);
    }

    [Fact]
    public async Task UnpullableImage_ErrImagePullOrBackOff()
    {
        var ns = await NamespaceAsync();
        await ApplyAsync(ns, "[\"sleep\", \"3600\"]", extraContainer: "imagePullPolicy: Always", image: "registry.invalid/superkube/missing:1");

        var reason = await PollAsync(async () =>
        {
            var waiting = (await K.RunAsync("get", "pod", "web", "-n", ns, "-o", "jsonpath={.status.containerStatuses[0].state.waiting.reason}")).StdOut;
            return waiting is "ErrImagePull" or "ImagePullBackOff" ? waiting : null;
        });

        Assert.Contains(reason, new[] { "ErrImagePull", "ImagePullBackOff" });
    }

    [Fact]
    public async Task Exec_Id_ShowsSecurityContextUserGroupAndSupplementalGroups()
    {
        var ns = await NamespaceAsync();
        await ApplyAsync(ns, "[\"sleep\", \"3600\"]",
            extraSpec: "securityContext:\n  runAsUser: 999\n  runAsGroup: 3000\n  supplementalGroups: [4000]",
            extraContainer: "securityContext:\n  runAsUser: 1000");
        (await K.RunAsync("wait", "--for=condition=Ready", "pod/web", "-n", ns, Wait)).EnsureSuccess();

        var id = (await K.RunAsync("exec", "web", "-n", ns, "--", "id")).EnsureSuccess().StdOut;

        Assert.StartsWith("uid=1000 gid=3000", id, StringComparison.Ordinal); // the container's runAsUser wins over the pod's
        Assert.Contains("4000", id, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsNonRoot_ImageRunsAsRoot_CreateContainerConfigError()
    {
        var ns = await NamespaceAsync();
        await ApplyAsync(ns, "[\"sleep\", \"3600\"]", extraContainer: "securityContext:\n  runAsNonRoot: true");

        var reason = await PollAsync(async () =>
        {
            var waiting = (await K.RunAsync("get", "pod", "web", "-n", ns, "-o", "jsonpath={.status.containerStatuses[0].state.waiting.reason}")).StdOut;
            return waiting == "CreateContainerConfigError" ? waiting : null;
        });
        var message = (await K.RunAsync("get", "pod", "web", "-n", ns, "-o", "jsonpath={.status.containerStatuses[0].state.waiting.message}")).EnsureSuccess().StdOut;

        Assert.Equal("CreateContainerConfigError", reason);
        Assert.StartsWith("container has runAsNonRoot and image will run as root (pod: \"web_" + ns + "(", message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Waits until the pod's httpd serves <paramref name="path"/> on its localhost, asked from inside the pod: a connection
    /// the pod refuses ends kubectl's port-forward ("lost connection to pod"), so retrying through the tunnel never works.
    /// </summary>
    private Task ServedInsideThePodAsync(string ns, string path) =>
        Poll.UntilAsync(
            async () => (await K.RunAsync(["exec", "web", "-n", ns, "--", "wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080" + path], null, Bound)).ExitCode == 0,
            Bound,
            $"httpd never served {path}");

    private async Task<string> NamespaceAsync()
    {
        server.Require();
        return await server.NewNamespaceAsync();
    }

    private async Task<string> RunningPodAsync(string command)
    {
        var ns = await NamespaceAsync();
        await ApplyAsync(ns, command);
        (await K.RunAsync("wait", "--for=condition=Ready", "pod/web", "-n", ns, Wait)).EnsureSuccess();
        return ns;
    }

    private async Task ApplyAsync(string ns, string command, string extraSpec = "", string extraContainer = "", string image = DockerEngine.TestImage)
    {
        var node = (await K.RunAsync("get", "nodes", "-l", "node-role.kubernetes.io/control-plane", "-o", "jsonpath={.items[0].metadata.name}"))
            .EnsureSuccess().StdOut.Trim();
        (await K.RunAsync("apply", "-f", PodManifests.Pod(ns, "web", node, command, extraSpec, extraContainer, image))).EnsureSuccess();
    }

    private static async Task<string> PollAsync(Func<Task<string?>> attempt)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (true)
        {
            if (await attempt() is { } value)
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
        }
    }
}
