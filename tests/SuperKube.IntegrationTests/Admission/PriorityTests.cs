using SuperKube.IntegrationTests.Infrastructure;

namespace SuperKube.IntegrationTests.Admission;

/// <summary>Priority admission through kubectl: built-in classes, priorities resolved from classes, upstream's refusals.</summary>
public sealed class PriorityTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private Infrastructure.Kubectl K => server.Kubectl;

    [Fact]
    public async Task Priority_ClassesResolvedIntoPodsAndBadInputRefused()
    {
        var ns = "prio-" + Guid.NewGuid().ToString("N")[..6];
        (await K.RunAsync("create", "namespace", ns)).EnsureSuccess();
        var builtIn = await Poll.UntilAsync(async () => (await K.RunAsync("get", "priorityclass", "system-node-critical", "-o", "jsonpath={.value}")) is { ExitCode: 0 } r ? r : null,
            TimeSpan.FromSeconds(30), () => "system-node-critical never appeared");
        (await K.RunAsync(["apply", "-f", "-"], """
            apiVersion: scheduling.k8s.io/v1
            kind: PriorityClass
            metadata: {name: prio-high}
            value: 1000
            preemptionPolicy: Never

            """, Infrastructure.Kubectl.DefaultTimeout)).EnsureSuccess();

        var high = await K.RunAsync(["apply", "-n", ns, "-f", "-"], Pod("high", "priorityClassName: prio-high"), Infrastructure.Kubectl.DefaultTimeout);
        var critical = await K.RunAsync(["apply", "-n", ns, "-f", "-"], Pod("critical", "priorityClassName: system-cluster-critical"), Infrastructure.Kubectl.DefaultTimeout);
        var unknown = await K.RunAsync(["apply", "-n", ns, "-f", "-"], Pod("unknown", "priorityClassName: nope"), Infrastructure.Kubectl.DefaultTimeout);
        var forged = await K.RunAsync(["apply", "-n", ns, "-f", "-"], Pod("forged", "priority: 5"), Infrastructure.Kubectl.DefaultTimeout);
        var reserved = await K.RunAsync("create", "priorityclass", "system-mine", "--value=5");
        var tooHigh = await K.RunAsync("create", "priorityclass", "prio-huge", "--value=1000000001");

        high.EnsureSuccess();
        Assert.Equal("1000 Never", (await K.RunAsync("get", "pod", "high", "-n", ns, "-o", "jsonpath={.spec.priority} {.spec.preemptionPolicy}")).EnsureSuccess().StdOut);
        critical.EnsureSuccess();
        Assert.Equal("2000000000", (await K.RunAsync("get", "pod", "critical", "-n", ns, "-o", "jsonpath={.spec.priority}")).EnsureSuccess().StdOut);
        Assert.Equal("2000001000", builtIn.StdOut);
        Assert.NotEqual(0, unknown.ExitCode);
        Assert.Contains("pods \"unknown\" is forbidden: no PriorityClass with name nope was found", unknown.StdErr);
        Assert.NotEqual(0, forged.ExitCode);
        Assert.Contains("pods \"forged\" is forbidden: the integer value of priority (5) must not be provided in pod spec; priority admission controller computed 0 from the given PriorityClass name", forged.StdErr);
        Assert.NotEqual(0, reserved.ExitCode);
        Assert.Contains("metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: system-mine is not a known system priority class", reserved.StdErr);
        Assert.NotEqual(0, tooHigh.ExitCode);
        Assert.Contains("value: Forbidden: maximum allowed value of a user defined priority is 1000000000", tooHigh.StdErr);
    }

    [Fact]
    public async Task Priority_GlobalDefault_AppliedToPodsWithoutClassAndOnlyOneAllowed()
    {
        var ns = "prio-def-" + Guid.NewGuid().ToString("N")[..6];
        (await K.RunAsync("create", "namespace", ns)).EnsureSuccess();
        (await K.RunAsync("create", "priorityclass", "prio-default", "--value=42", "--global-default")).EnsureSuccess();

        var second = await K.RunAsync("create", "priorityclass", "prio-default-2", "--value=7", "--global-default");
        (await K.RunAsync("run", "p", "-n", ns, "--image=busybox:1.36", "--restart=Never")).EnsureSuccess();
        var pod = await K.RunAsync("get", "pod", "p", "-n", ns, "-o", "jsonpath={.spec.priorityClassName} {.spec.priority}");
        (await K.RunAsync("delete", "priorityclass", "prio-default")).EnsureSuccess();

        Assert.NotEqual(0, second.ExitCode);
        Assert.Contains("PriorityClass prio-default is already marked as default. Only one default can exist", second.StdErr);
        Assert.Equal("prio-default 42", pod.EnsureSuccess().StdOut);
    }

    private static string Pod(string name, string spec) => $$$"""
        apiVersion: v1
        kind: Pod
        metadata: {name: {{{name}}}}
        spec:
          {{{spec}}}
          containers:
          - {name: c, image: busybox:1.36}

        """;
}
