using System.Diagnostics;
using System.Text.Json.Nodes;
using SuperKube.IntegrationTests.Infrastructure;

namespace SuperKube.IntegrationTests.Sdk;

/// <summary>The samples run as a user would run them.</summary>
public sealed class SamplesTests
{
    [Fact]
    public async Task EmbeddedCluster_Running_AnswersKubectlAndKeepsItsOwnEndpoints()
    {
        await using var sample = await RunningSample.StartAsync("samples/EmbeddedCluster", "EmbeddedCluster");

        var namespaces = (await sample.Kubectl.RunAsync("get", "namespaces", "-o", "name")).EnsureSuccess().StdOut;
        (await sample.Kubectl.RunAsync("create", "configmap", "demo", "--from-literal=a=b")).EnsureSuccess();

        Assert.Contains("namespace/kube-system", namespaces);
        Assert.Contains("configmap/demo", (await sample.Kubectl.RunAsync("get", "cm", "-o", "name")).EnsureSuccess().StdOut);
        Assert.StartsWith("This app embeds", await sample.Http.GetStringAsync("/hello"));
        Assert.True(File.Exists(Path.Combine(sample.Directory, "embedded-cluster.db")));
    }

    [Fact]
    public async Task CustomController_Widget_ReconciledToOwnedPodsAndScaled()
    {
        await using var sample = await RunningSample.StartAsync("samples/CustomController", "CustomController");
        var k = sample.Kubectl;
        var manifest = Path.Combine(RepositoryPaths.Root, "samples", "CustomController", "widget.yaml");

        (await k.RunAsync("apply", "-f", manifest)).EnsureSuccess();
        (await k.RunAsync("wait", "--for=jsonpath={.status.replicas}=2", "widget/demo", "--timeout=30s")).EnsureSuccess();
        var pods = JsonNode.Parse((await k.RunAsync("get", "pods", "-l", "example.com/widget=demo", "-o", "json")).EnsureSuccess().StdOut)!;
        var uid = (await k.RunAsync("get", "widget", "demo", "-o", "jsonpath={.metadata.uid}")).EnsureSuccess().StdOut;
        (await k.RunAsync("scale", "widget", "demo", "--replicas=3")).EnsureSuccess();
        (await k.RunAsync("wait", "--for=jsonpath={.status.replicas}=3", "widget/demo", "--timeout=30s")).EnsureSuccess();
        var scaled = (await k.RunAsync("get", "pods", "-l", "example.com/widget=demo", "-o", "name")).EnsureSuccess().StdOut;
        var table = (await k.RunAsync("get", "widgets")).EnsureSuccess().StdOut;
        var applied = await k.RunAsync(["apply", "--server-side", "--force-conflicts", "--field-manager=ops", "-f", "-"], """
            apiVersion: example.com/v1
            kind: Widget
            metadata: {name: demo}
            spec: {size: 1}
            """, Infrastructure.Kubectl.DefaultTimeout);
        (await k.RunAsync("wait", "--for=jsonpath={.status.replicas}=1", "widget/demo", "--timeout=30s")).EnsureSuccess();
        var managers = (await k.RunAsync("get", "widget", "demo", "--show-managed-fields", "-o", "jsonpath={.metadata.managedFields[*].manager}")).EnsureSuccess().StdOut;
        (await k.RunAsync("delete", "widget", "demo")).EnsureSuccess();
        (await k.RunAsync("wait", "--for=delete", "pod", "-l", "example.com/widget=demo", "--timeout=30s")).EnsureSuccess();
        var left = (await k.RunAsync("get", "pods", "-l", "example.com/widget=demo", "-o", "name")).EnsureSuccess().StdOut;

        var items = pods["items"]!.AsArray();
        Assert.Equal(2, items.Count);
        Assert.All(items, p =>
        {
            var owner = p!["metadata"]!["ownerReferences"]![0]!;
            Assert.Equal(("Widget", "demo", uid, true), ((string?)owner["kind"], (string?)owner["name"], (string?)owner["uid"], (bool?)owner["controller"]));
            Assert.Equal("nginx:1.27", (string?)p["spec"]!["containers"]![0]!["image"]);
        });
        Assert.Equal(3, scaled.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Matches(@"demo\s+3\s+3\s+\d+s", table);
        Assert.Contains("serverside-applied", applied.EnsureSuccess().StdOut);
        Assert.Contains("ops", managers);
        Assert.Empty(left.Trim());
    }

    /// <summary>A sample app started as a user would start it, on a free port in a temp directory.</summary>
    private sealed class RunningSample : IAsyncDisposable
    {
        private readonly Process _process;

        private RunningSample(Process process, HttpClient http, string directory, Infrastructure.Kubectl kubectl)
        {
            _process = process;
            Http = http;
            Directory = directory;
            Kubectl = kubectl;
        }

        public HttpClient Http { get; }

        public string Directory { get; }

        public Infrastructure.Kubectl Kubectl { get; }

        public static async Task<RunningSample> StartAsync(string projectDir, string assemblyName)
        {
            var port = RepositoryPaths.FreePort();
            var dir = System.IO.Directory.CreateTempSubdirectory("superkube-sample-").FullName;
            var dll = RepositoryPaths.BuiltAssembly(projectDir, assemblyName);
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dir };
            foreach (var arg in new[] { dll, "--urls", $"http://127.0.0.1:{port}", "--contentRoot", dir })
            {
                info.ArgumentList.Add(arg);
            }

            var process = Process.Start(info)!;
            process.OutputDataReceived += (_, _) => { }; // drained so a chatty sample never blocks on a full pipe
            process.BeginOutputReadLine();
            var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            try
            {
                await WaitForReadyAsync(http, process);
                var kubeconfig = await Hosting.KubeconfigFile.WriteAsync(dir, http.BaseAddress);
                return new RunningSample(process, http, dir, new Infrastructure.Kubectl(kubeconfig, Path.Combine(dir, "cache")));
            }
            catch
            {
                http.Dispose();
                process.Kill(entireProcessTree: true);
                process.Dispose();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            _process.Dispose();
        }
    }

    private static async Task WaitForReadyAsync(HttpClient http, Process process)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException("sample exited: " + await process.StandardError.ReadToEndAsync());
            }

            try
            {
                var response = await http.GetAsync("/readyz", deadline.Token);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(50, deadline.Token);
        }
    }
}
