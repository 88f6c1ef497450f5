using SuperKube.IntegrationTests.Infrastructure;

namespace SuperKube.IntegrationTests.Admission;

/// <summary>ResourceQuota through kubectl: the object that would exceed a quota is refused with upstream's message, and describe shows the usage.</summary>
public sealed class ResourceQuotaTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private Infrastructure.Kubectl K => server.Kubectl;

    [Fact]
    public async Task Quota_PodsAndMemory_BlocksTheObjectThatWouldExceedIt()
    {
        var ns = "quota-" + Guid.NewGuid().ToString("N")[..8];
        (await K.RunAsync("create", "namespace", ns)).EnsureSuccess();
        (await K.RunAsync("create", "quota", "compute", "-n", ns, "--hard=pods=2,requests.memory=1Gi,configmaps=3")).EnsureSuccess();

        (await K.RunAsync(["apply", "-n", ns, "-f", "-"], Pod("a", "512Mi") + "---\n" + Pod("b", "256Mi"), Infrastructure.Kubectl.DefaultTimeout)).EnsureSuccess();
        var third = await K.RunAsync(["apply", "-n", ns, "-f", "-"], Pod("c", "128Mi"), Infrastructure.Kubectl.DefaultTimeout);
        var noRequest = await K.RunAsync("run", "bare", "-n", ns, "--image=busybox:1.36", "--restart=Never");
        (await K.RunAsync("delete", "pod", "b", "-n", ns, "--wait=true", "--timeout=60s")).EnsureSuccess();
        var tooBig = await K.RunAsync(["apply", "-n", ns, "-f", "-"], Pod("d", "600Mi"), Infrastructure.Kubectl.DefaultTimeout);
        var fits = await K.RunAsync(["apply", "-n", ns, "-f", "-"], Pod("e", "500Mi"), Infrastructure.Kubectl.DefaultTimeout);

        Assert.NotEqual(0, third.ExitCode);
        Assert.Contains("pods \"c\" is forbidden: exceeded quota: compute, requested: pods=1, used: pods=2, limited: pods=2", third.StdErr);
        Assert.NotEqual(0, noRequest.ExitCode);
        Assert.Contains("failed quota: compute: must specify requests.memory for: bare", noRequest.StdErr);
        Assert.NotEqual(0, tooBig.ExitCode);
        Assert.Contains("exceeded quota: compute, requested: requests.memory=600Mi, used: requests.memory=512Mi, limited: requests.memory=1Gi", tooBig.StdErr);
        fits.EnsureSuccess();
        await Poll.UntilAsync(async () => (await K.RunAsync("describe", "quota", "compute", "-n", ns)).StdOut is var d
            && d.Contains("requests.memory  1012Mi  1Gi", StringComparison.Ordinal) && d.Contains("pods             2       2", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "the quota never showed the usage");
    }

    private static string Pod(string name, string memory) => $$$"""
        apiVersion: v1
        kind: Pod
        metadata: {name: {{{name}}}}
        spec:
          containers:
          - name: main
            image: busybox:1.36
            command: [sleep, "3600"]
            resources: {requests: {memory: {{{memory}}}}}

        """;
}
