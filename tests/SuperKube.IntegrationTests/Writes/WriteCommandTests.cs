using SuperKube.IntegrationTests.Infrastructure;

namespace SuperKube.IntegrationTests.Writes;

/// <summary>The kubectl commands that write (edit, patch, label, annotate, set, taint, create, replace), each recording its manager.</summary>
public sealed class WriteCommandTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private readonly WriteScenario _s = new(server);

    private Infrastructure.Kubectl K => _s.K;

    [Fact]
    public async Task Edit_KubeEditorScript_PatchesTheObject()
    {
        var ns = await _s.NewNamespaceAsync();
        (await K.RunAsync("create", "-f", _s.WriteFile(WriteScenario.ConfigMap(ns, "cfg", "  color: blue\n")))).EnsureSuccess();
        var editor = _s.WriteFile("#!/bin/sh\nsed -i 's/color: blue/color: green/' \"$1\"\n", ".sh");
        File.SetUnixFileMode(editor, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var result = await K.RunAsync(["edit", "cm", "cfg", "-n", ns], null, Infrastructure.Kubectl.DefaultTimeout,
            new Dictionary<string, string> { ["KUBE_EDITOR"] = editor });

        Assert.Contains("configmap/cfg edited", result.EnsureSuccess().StdOut);
        var cm = await _s.GetAsync("cm", "cfg", "-n", ns);
        Assert.Equal("green", (string?)cm["data"]!["color"]);
        Assert.NotNull(WriteScenario.Manager(cm, "kubectl-edit", "Update")!["fieldsV1"]!["f:data"]!["f:color"]);
        Assert.Null(WriteScenario.Manager(cm, "kubectl-create", "Update")!["fieldsV1"]!["f:data"]?["f:color"]);
    }

    [Fact]
    public async Task Patch_StrategicMergeAndJson_ChangeTheObject()
    {
        var ns = await _s.NewNamespaceAsync();
        (await K.RunAsync("create", "-f", _s.WriteFile(WriteScenario.Deployment(ns, "web")))).EnsureSuccess();
        (await K.RunAsync("create", "-f", _s.WriteFile(WriteScenario.ConfigMap(ns, "cfg", "  a: \"1\"\n")))).EnsureSuccess();

        (await K.RunAsync("patch", "deploy", "web", "-n", ns, "--type", "strategic",
            "-p", """{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.27"}]}}}}""")).EnsureSuccess();
        (await K.RunAsync("patch", "cm", "cfg", "-n", ns, "--type", "merge", "-p", """{"data":{"b":"2"}}""")).EnsureSuccess();
        (await K.RunAsync("patch", "cm", "cfg", "-n", ns, "--type", "json", "-p", """[{"op":"replace","path":"/data/a","value":"9"}]""")).EnsureSuccess();

        var deployment = await _s.GetAsync("deploy", "web", "-n", ns);
        var container = Assert.Single(deployment["spec"]!["template"]!["spec"]!["containers"]!.AsArray())!;
        Assert.Equal("nginx:1.27", (string?)container["image"]);
        Assert.Equal(80, (int?)container["ports"]![0]!["containerPort"]);
        var cm = await _s.GetAsync("cm", "cfg", "-n", ns);
        Assert.Equal("9", (string?)cm["data"]!["a"]);
        Assert.Equal("2", (string?)cm["data"]!["b"]);
        Assert.NotNull(WriteScenario.Manager(cm, "kubectl-patch", "Update"));
    }

    [Fact]
    public async Task LabelAndAnnotate_Object_AddAndRemoveKeys()
    {
        var ns = await _s.NewNamespaceAsync();
        (await K.RunAsync("create", "-f", _s.WriteFile(WriteScenario.ConfigMap(ns, "cfg", "  a: \"1\"\n")))).EnsureSuccess();

        (await K.RunAsync("label", "cm", "cfg", "-n", ns, "tier=fe")).EnsureSuccess();
        (await K.RunAsync("annotate", "cm", "cfg", "-n", ns, "note=hi")).EnsureSuccess();

        var cm = await _s.GetAsync("cm", "cfg", "-n", ns);
        Assert.Equal("fe", (string?)cm["metadata"]!["labels"]!["tier"]);
        Assert.Equal("hi", (string?)cm["metadata"]!["annotations"]!["note"]);
        Assert.NotNull(WriteScenario.Manager(cm, "kubectl-label", "Update")!["fieldsV1"]!["f:metadata"]!["f:labels"]!["f:tier"]);
        Assert.NotNull(WriteScenario.Manager(cm, "kubectl-annotate", "Update")!["fieldsV1"]!["f:metadata"]!["f:annotations"]!["f:note"]);

        (await K.RunAsync("label", "cm", "cfg", "-n", ns, "tier-")).EnsureSuccess();
        cm = await _s.GetAsync("cm", "cfg", "-n", ns);
        Assert.Null(cm["metadata"]!["labels"]?["tier"]);
        Assert.Null(WriteScenario.Manager(cm, "kubectl-label", "Update"));
    }

    [Fact]
    public async Task SetImageAndSetEnv_Deployment_UpdateTheContainer()
    {
        var ns = await _s.NewNamespaceAsync();
        (await K.RunAsync("create", "-f", _s.WriteFile(WriteScenario.Deployment(ns, "web")))).EnsureSuccess();

        (await K.RunAsync("set", "image", "deploy/web", "-n", ns, "nginx=nginx:1.28")).EnsureSuccess();
        (await K.RunAsync("set", "env", "deploy/web", "-n", ns, "FOO=bar")).EnsureSuccess();

        var deployment = await _s.GetAsync("deploy", "web", "-n", ns);
        var container = deployment["spec"]!["template"]!["spec"]!["containers"]![0]!;
        Assert.Equal("nginx:1.28", (string?)container["image"]);
        Assert.Equal("bar", (string?)container["env"]![0]!["value"]);
        Assert.NotNull(WriteScenario.Manager(deployment, "kubectl-set", "Update"));
    }

    [Fact]
    public async Task Taint_Node_AddsAndRemovesTheTaint()
    {
        var node = "n-" + Guid.NewGuid().ToString("N")[..8];
        (await K.RunAsync(["create", "-f", "-"], $"apiVersion: v1\nkind: Node\nmetadata:\n  name: {node}\n", Infrastructure.Kubectl.DefaultTimeout)).EnsureSuccess();
        try
        {
            (await K.RunAsync("taint", "nodes", node, "dedicated=db:NoSchedule")).EnsureSuccess();
            var tainted = await _s.GetAsync("node", node);
            var taint = tainted["spec"]!["taints"]!.AsArray().Single(t => (string?)t!["key"] == "dedicated")!;
            Assert.Equal("db", (string?)taint["value"]);
            Assert.Equal("NoSchedule", (string?)taint["effect"]);
            Assert.NotNull(WriteScenario.Manager(tainted, "kubectl-taint", "Update"));

            (await K.RunAsync("taint", "nodes", node, "dedicated=db:NoSchedule-")).EnsureSuccess();
            var cleared = await _s.GetAsync("node", node);
            Assert.DoesNotContain(cleared["spec"]!["taints"]?.AsArray() ?? [], t => (string?)t!["key"] == "dedicated");
        }
        finally
        {
            await K.RunAsync("delete", "node", node, "--wait=false");
        }
    }

    [Fact]
    public async Task CreateDryRunServer_NewObject_StoresNothing()
    {
        var ns = await _s.NewNamespaceAsync();
        var file = _s.WriteFile(WriteScenario.ConfigMap(ns, "dry", "  a: \"1\"\n"));

        var result = (await K.RunAsync("create", "--dry-run=server", "-f", file, "-o", "json")).EnsureSuccess();

        Assert.Contains("\"name\": \"dry\"", result.StdOut);
        var get = await K.RunAsync("get", "cm", "dry", "-n", ns);
        Assert.Contains("configmaps \"dry\" not found", get.StdErr);
    }

    [Fact]
    public async Task DeleteDryRunServer_Object_KeepsIt()
    {
        var ns = await _s.NewNamespaceAsync();
        (await K.RunAsync("create", "-f", _s.WriteFile(WriteScenario.ConfigMap(ns, "keep", "  a: \"1\"\n")))).EnsureSuccess();

        (await K.RunAsync("delete", "cm", "keep", "-n", ns, "--dry-run=server")).EnsureSuccess();

        (await K.RunAsync("get", "cm", "keep", "-n", ns)).EnsureSuccess();
    }

    [Fact]
    public async Task Replace_ChangedFile_ReplacesTheObject()
    {
        var ns = await _s.NewNamespaceAsync();
        (await K.RunAsync("create", "-f", _s.WriteFile(WriteScenario.ConfigMap(ns, "cfg", "  a: \"1\"\n  b: \"2\"\n")))).EnsureSuccess();

        var result = (await K.RunAsync("replace", "-f", _s.WriteFile(WriteScenario.ConfigMap(ns, "cfg", "  a: \"3\"\n")))).EnsureSuccess();

        Assert.Contains("configmap/cfg replaced", result.StdOut);
        var cm = await _s.GetAsync("cm", "cfg", "-n", ns);
        Assert.Equal("3", (string?)cm["data"]!["a"]);
        Assert.Null(cm["data"]!["b"]);
        Assert.NotNull(WriteScenario.Manager(cm, "kubectl-replace", "Update"));
    }
}
