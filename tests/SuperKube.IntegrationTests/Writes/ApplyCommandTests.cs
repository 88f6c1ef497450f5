using System.Text.Json.Nodes;
using SuperKube.IntegrationTests.Infrastructure;

namespace SuperKube.IntegrationTests.Writes;

/// <summary><c>kubectl apply</c> (client- and server-side) and <c>kubectl diff</c>, driven by the real kubectl.</summary>
public sealed class ApplyCommandTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private readonly WriteScenario _s = new(server);

    private Infrastructure.Kubectl K => _s.K;

    [Fact]
    public async Task Apply_ChangedFileWithoutAField_RemovesTheField()
    {
        var ns = await _s.NewNamespaceAsync();
        var first = _s.WriteFile(WriteScenario.ConfigMap(ns, "cfg", "  a: \"1\"\n  b: \"2\"\n"));
        var second = _s.WriteFile(WriteScenario.ConfigMap(ns, "cfg", "  a: \"1\"\n"));

        Assert.Contains("configmap/cfg created", (await K.RunAsync("apply", "-f", first)).EnsureSuccess().StdOut);
        Assert.Contains("configmap/cfg configured", (await K.RunAsync("apply", "-f", second)).EnsureSuccess().StdOut);

        var cm = await _s.GetAsync("cm", "cfg", "-n", ns);
        Assert.Equal("1", (string?)cm["data"]!["a"]);
        Assert.Null(cm["data"]!["b"]);
        Assert.NotNull(cm["metadata"]!["annotations"]!["kubectl.kubernetes.io/last-applied-configuration"]);
        Assert.NotNull(WriteScenario.Manager(cm, "kubectl-client-side-apply", "Update"));
        Assert.Contains("configmap/cfg unchanged", (await K.RunAsync("apply", "-f", second)).EnsureSuccess().StdOut);
    }

    [Fact]
    public async Task ApplyServerSide_SecondManagerConflicts_FailsWithoutForceAndPassesWithIt()
    {
        var ns = await _s.NewNamespaceAsync();
        var mine = _s.WriteFile(WriteScenario.Deployment(ns, "web", replicas: 1));
        var theirs = _s.WriteFile(WriteScenario.Deployment(ns, "web", replicas: 3));

        Assert.Contains("deployment.apps/web serverside-applied", (await K.RunAsync("apply", "--server-side", "-f", mine)).EnsureSuccess().StdOut);
        var conflict = await K.RunAsync("apply", "--server-side", "--field-manager=other", "-f", theirs);
        Assert.NotEqual(0, conflict.ExitCode);
        Assert.Contains("Apply failed with 1 conflict: conflict with \"kubectl\": .spec.replicas", conflict.StdErr);
        Assert.Equal(1, (int?)(await _s.GetAsync("deploy", "web", "-n", ns))["spec"]!["replicas"]);

        (await K.RunAsync("apply", "--server-side", "--field-manager=other", "--force-conflicts", "-f", theirs)).EnsureSuccess();

        var deployment = await _s.GetAsync("deploy", "web", "-n", ns);
        Assert.Equal(3, (int?)deployment["spec"]!["replicas"]);
        var kubectl = WriteScenario.Manager(deployment, "kubectl", "Apply")!;
        var other = WriteScenario.Manager(deployment, "other", "Apply")!;
        Assert.Null(kubectl["fieldsV1"]!["f:spec"]!["f:replicas"]);
        Assert.NotNull(other["fieldsV1"]!["f:spec"]!["f:replicas"]);
        Assert.NotNull(kubectl["fieldsV1"]!["f:spec"]!["f:template"]!["f:spec"]!["f:containers"]!["k:{\"name\":\"nginx\"}"]);
    }

    [Fact]
    public async Task ApplyServerSide_AfterClientSideApply_MigratesWithoutConflicts()
    {
        var ns = await _s.NewNamespaceAsync();
        var file = _s.WriteFile(WriteScenario.Deployment(ns, "web", replicas: 2));
        var changed = _s.WriteFile(WriteScenario.Deployment(ns, "web", replicas: 4));
        (await K.RunAsync("apply", "-f", file)).EnsureSuccess();

        Assert.Contains("serverside-applied", (await K.RunAsync("apply", "--server-side", "-f", file)).EnsureSuccess().StdOut);
        (await K.RunAsync("apply", "--server-side", "-f", changed)).EnsureSuccess();

        var deployment = await _s.GetAsync("deploy", "web", "-n", ns);
        Assert.Equal(4, (int?)deployment["spec"]!["replicas"]);
        Assert.NotNull(WriteScenario.Manager(deployment, "kubectl", "Apply"));
        Assert.Null(WriteScenario.Manager(deployment, "kubectl-client-side-apply", "Update"));
    }

    [Fact]
    public async Task ApplyServerSide_FieldLeftOut_IsRemoved()
    {
        var ns = await _s.NewNamespaceAsync();
        var first = _s.WriteFile(WriteScenario.ConfigMap(ns, "cfg", "  a: \"1\"\n  b: \"2\"\n"));
        var second = _s.WriteFile(WriteScenario.ConfigMap(ns, "cfg", "  a: \"1\"\n"));
        (await K.RunAsync("apply", "--server-side", "-f", first)).EnsureSuccess();

        (await K.RunAsync("apply", "--server-side", "-f", second)).EnsureSuccess();

        var cm = await _s.GetAsync("cm", "cfg", "-n", ns);
        Assert.Null(cm["data"]!["b"]);
        Assert.Equal("""{"f:data":{"f:a":{}}}""", WriteScenario.Manager(cm, "kubectl", "Apply")!["fieldsV1"]!.ToJsonString());
    }

    [Fact]
    public async Task Diff_ChangedAndUnchangedFile_ExitsOneWithDiffAndZero()
    {
        var ns = await _s.NewNamespaceAsync();
        var file = _s.WriteFile(WriteScenario.ConfigMap(ns, "cfg", "  a: \"1\"\n"));
        var changed = _s.WriteFile(WriteScenario.ConfigMap(ns, "cfg", "  a: \"changed\"\n"));
        (await K.RunAsync("apply", "-f", file)).EnsureSuccess();

        var same = await K.RunAsync("diff", "-f", file);
        var different = await K.RunAsync("diff", "-f", changed);

        Assert.True(same.ExitCode == 0, same.ToString());
        Assert.True(different.ExitCode == 1, different.ToString());
        Assert.Contains("+  a: changed", different.StdOut);
        Assert.Contains("-  a: \"1\"", different.StdOut);
        Assert.Equal("1", (string?)(await _s.GetAsync("cm", "cfg", "-n", ns))["data"]!["a"]);
    }

    [Fact]
    public async Task ApplyServerSideDryRun_NewObject_StoresNothing()
    {
        var ns = await _s.NewNamespaceAsync();
        var file = _s.WriteFile(WriteScenario.ConfigMap(ns, "dry", "  a: \"1\"\n"));

        var result = (await K.RunAsync("apply", "--server-side", "--dry-run=server", "-f", file)).EnsureSuccess();

        Assert.Contains("configmap/dry serverside-applied (server dry run)", result.StdOut);
        Assert.NotEqual(0, (await K.RunAsync("get", "cm", "dry", "-n", ns)).ExitCode);
    }
}
