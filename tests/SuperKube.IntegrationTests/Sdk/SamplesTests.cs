using System.Diagnostics;
using SuperKube.IntegrationTests.Infrastructure;

namespace SuperKube.IntegrationTests.Sdk;

/// <summary>The samples run as a user would run them.</summary>
public sealed class SamplesTests
{
    [Fact]
    public async Task EmbeddedCluster_Running_AnswersKubectlAndKeepsItsOwnEndpoints()
    {
        var port = RepositoryPaths.FreePort();
        var dir = Directory.CreateTempSubdirectory("superkube-sample-").FullName;
        var dll = RepositoryPaths.BuiltAssembly("samples/EmbeddedCluster", "EmbeddedCluster");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dir };
        foreach (var arg in new[] { dll, "--urls", $"http://127.0.0.1:{port}", "--contentRoot", dir })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitForReadyAsync(http, process);
            var kubeconfig = await Hosting.KubeconfigFile.WriteAsync(dir, http.BaseAddress);
            var kubectl = new Infrastructure.Kubectl(kubeconfig, Path.Combine(dir, "cache"));

            var namespaces = (await kubectl.RunAsync("get", "namespaces", "-o", "name")).EnsureSuccess().StdOut;
            (await kubectl.RunAsync("create", "configmap", "demo", "--from-literal=a=b")).EnsureSuccess();

            Assert.Contains("namespace/kube-system", namespaces);
            Assert.Contains("configmap/demo", (await kubectl.RunAsync("get", "cm", "-o", "name")).EnsureSuccess().StdOut);
            Assert.StartsWith("This app embeds", await http.GetStringAsync("/hello"));
            Assert.True(File.Exists(Path.Combine(dir, "embedded-cluster.db")));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
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
