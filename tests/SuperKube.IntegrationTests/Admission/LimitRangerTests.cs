using SuperKube.IntegrationTests.Infrastructure;

namespace SuperKube.IntegrationTests.Admission;

/// <summary>LimitRanger through kubectl: defaults applied to new pods, min/max/ratio violations refused with upstream's messages.</summary>
public sealed class LimitRangerTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private Infrastructure.Kubectl K => server.Kubectl;

    [Fact]
    public async Task LimitRange_ContainerDefaultsAndBounds_AppliedAndEnforced()
    {
        var ns = "limits-" + Guid.NewGuid().ToString("N")[..6];
        (await K.RunAsync("create", "namespace", ns)).EnsureSuccess();
        (await K.RunAsync(["apply", "-n", ns, "-f", "-"], """
            apiVersion: v1
            kind: LimitRange
            metadata: {name: bounds}
            spec:
              limits:
              - type: Container
                default: {cpu: 500m, memory: 256Mi}
                defaultRequest: {cpu: 250m}
                max: {cpu: "1"}
                min: {memory: 64Mi}
                maxLimitRequestRatio: {cpu: "4"}
              - type: PersistentVolumeClaim
                max: {storage: 1Gi}

            """, Infrastructure.Kubectl.DefaultTimeout)).EnsureSuccess();

        (await K.RunAsync("run", "p", "-n", ns, "--image=busybox:1.36", "--restart=Never")).EnsureSuccess();
        var resources = await K.RunAsync("get", "pod", "p", "-n", ns, "-o", "jsonpath={.spec.containers[0].resources}");
        var annotation = await K.RunAsync("get", "pod", "p", "-n", ns, "-o", "jsonpath={.metadata.annotations.kubernetes\\.io/limit-ranger}");
        var tooBig = await K.RunAsync(["apply", "-n", ns, "-f", "-"], Pod("big", "cpu: \"2\", memory: 128Mi", "cpu: \"1\", memory: 128Mi"), Infrastructure.Kubectl.DefaultTimeout);
        var tooSmall = await K.RunAsync(["apply", "-n", ns, "-f", "-"], Pod("small", "memory: 32Mi", "memory: 32Mi"), Infrastructure.Kubectl.DefaultTimeout);
        var ratio = await K.RunAsync(["apply", "-n", ns, "-f", "-"], Pod("ratio", "cpu: 800m", "cpu: 100m"), Infrastructure.Kubectl.DefaultTimeout);
        var claim = await K.RunAsync(["apply", "-n", ns, "-f", "-"], """
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: claim}
            spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 2Gi}}}

            """, Infrastructure.Kubectl.DefaultTimeout);

        Assert.Equal("""{"limits":{"cpu":"500m","memory":"256Mi"},"requests":{"cpu":"250m","memory":"256Mi"}}""", resources.EnsureSuccess().StdOut);
        Assert.Equal("LimitRanger plugin set: cpu, memory request for container p; cpu, memory limit for container p", annotation.EnsureSuccess().StdOut);
        Assert.NotEqual(0, tooBig.ExitCode);
        Assert.Contains("pods \"big\" is forbidden: maximum cpu usage per Container is 1, but limit is 2", tooBig.StdErr);
        Assert.NotEqual(0, tooSmall.ExitCode);
        Assert.Contains("pods \"small\" is forbidden: minimum memory usage per Container is 64Mi, but request is 32Mi", tooSmall.StdErr);
        Assert.NotEqual(0, ratio.ExitCode);
        Assert.Contains("cpu max limit to request ratio per Container is 4, but provided ratio is 8.000000", ratio.StdErr);
        Assert.NotEqual(0, claim.ExitCode);
        Assert.Contains("persistentvolumeclaims \"claim\" is forbidden: maximum storage usage per PersistentVolumeClaim is 1Gi, but request is 2Gi", claim.StdErr);
    }

    [Fact]
    public async Task LimitRange_Inconsistent_RejectedWithFieldErrors()
    {
        var result = await K.RunAsync(["apply", "-n", "default", "-f", "-"], """
            apiVersion: v1
            kind: LimitRange
            metadata: {name: broken}
            spec:
              limits:
              - type: Container
                min: {cpu: "2"}
                max: {cpu: "1"}
                maxLimitRequestRatio: {memory: "0.5"}
              - type: Pod
                default: {cpu: "1"}

            """, Infrastructure.Kubectl.DefaultTimeout);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("spec.limits[0].min[cpu]: Invalid value: \"2\": min value 2 is greater than max value 1", result.StdErr);
        Assert.Contains("spec.limits[0].maxLimitRequestRatio[memory]: Invalid value: \"0.5\": ratio 0.5 is less than 1", result.StdErr);
        Assert.Contains("spec.limits[1].default: Forbidden: may not be specified when `type` is 'Pod'", result.StdErr);
    }

    private static string Pod(string name, string limits, string requests) => $$$"""
        apiVersion: v1
        kind: Pod
        metadata: {name: {{{name}}}}
        spec:
          containers:
          - name: c
            image: busybox:1.36
            resources: {limits: {{{{limits}}}}, requests: {{{{requests}}}}}

        """;
}
