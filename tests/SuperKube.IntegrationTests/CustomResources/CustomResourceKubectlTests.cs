using System.Diagnostics;
using System.Text.Json.Nodes;
using SuperKube.IntegrationTests.Infrastructure;

namespace SuperKube.IntegrationTests.CustomResources;

/// <summary>CustomResourceDefinitions and custom resources driven by the real kubectl.</summary>
public sealed class CustomResourceKubectlTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private Infrastructure.Kubectl K => server.Kubectl;

    [Fact]
    public async Task ApplyCrd_Discovery_ListsResourcesWithinASecondAndDropsThemOnDelete()
    {
        var group = CrdManifests.NewGroup();

        await ApplyAsync(CrdManifests.Widgets(group));
        var clock = Stopwatch.StartNew();
        await UntilAsync(async () => (await server.Http.GetAsync($"/apis/{group}/v1")).IsSuccessStatusCode, TimeSpan.FromSeconds(1));
        var servedAfter = clock.Elapsed;
        (await K.RunAsync("wait", "--for=condition=established", $"crd/widgets.{group}", "--timeout=10s")).EnsureSuccess();
        var resources = (await K.RunAsync("api-resources", "--api-group", group)).EnsureSuccess().StdOut;
        var legacy = JsonNode.Parse((await K.RunAsync("get", "--raw", $"/apis/{group}/v1")).EnsureSuccess().StdOut)!;
        var conditions = (await K.RunAsync("get", "crd", $"widgets.{group}", "-o", "jsonpath={.status.conditions[*].reason}")).EnsureSuccess().StdOut;
        var finalizers = (await K.RunAsync("get", "crd", $"widgets.{group}", "-o", "jsonpath={.metadata.finalizers}")).EnsureSuccess().StdOut;
        (await K.RunAsync("delete", "crd", $"widgets.{group}")).EnsureSuccess();
        var after = (await K.RunAsync("api-resources", "--api-group", group)).EnsureSuccess().StdOut;

        Assert.True(servedAfter < TimeSpan.FromSeconds(1), $"served after {servedAfter}");
        Assert.Contains(resources.Split('\n'), l => Words(l) is ["widgets", "wdg", var gv, "true", "Widget"] && gv == group + "/v1");
        Assert.Contains(legacy["resources"]!.AsArray(), r => (string?)r!["name"] == "widgets/scale");
        Assert.Equal("NoConflicts InitialNamesAccepted", conditions);
        Assert.Contains("customresourcecleanup.apiextensions.k8s.io", finalizers);
        Assert.DoesNotContain("widgets", after);
    }

    [Fact]
    public async Task CustomResource_GetWidePatchScaleDelete_BehavesAsOnKubernetes()
    {
        var (group, ns) = await InstallAsync();
        await ApplyAsync(CrdManifests.Widget(group, "w1", ns, 2));

        var table = (await K.RunAsync("get", W(group), "-n", ns)).EnsureSuccess().StdOut;
        var wide = (await K.RunAsync("get", W(group), "-n", ns, "-o", "wide")).EnsureSuccess().StdOut;
        (await K.RunAsync("patch", W(group), "w1", "-n", ns, "--type=merge", "-p", """{"spec":{"color":"red"}}""")).EnsureSuccess();
        var strategic = await K.RunAsync("patch", W(group), "w1", "-n", ns, "-p", """{"spec":{"color":"blue"}}""");
        (await K.RunAsync("scale", W(group), "w1", "-n", ns, "--replicas=5")).EnsureSuccess();
        (await K.RunAsync("scale", W(group), "w1", "-n", ns, "--replicas=4", "--current-replicas=5")).EnsureSuccess();
        var spec = JsonNode.Parse((await K.RunAsync("get", W(group), "w1", "-n", ns, "-o", "jsonpath={.spec}")).EnsureSuccess().StdOut)!;
        var scale = JsonNode.Parse((await K.RunAsync("get", "--raw", $"/apis/{group}/v1/namespaces/{ns}/widgets/w1/scale")).EnsureSuccess().StdOut)!;
        var deleted = (await K.RunAsync("delete", W(group), "w1", "-n", ns)).EnsureSuccess().StdOut;

        Assert.Equal(["NAME", "SIZE", "AGE"], Words(table.Split('\n')[0]));
        Assert.Matches(@"^w1\s+2\s+\d+s$", table.Split('\n')[1]);
        Assert.Equal(["NAME", "SIZE", "COLOR", "AGE"], Words(wide.Split('\n')[0]));
        Assert.Equal(["w1", "2", "green"], Words(wide.Split('\n')[1])[..3]);
        Assert.NotEqual(0, strategic.ExitCode);
        Assert.Contains("application/strategic-merge-patch+json is not supported", strategic.StdErr);
        Assert.Equal(4, (int?)spec["size"]);
        Assert.Equal("red", (string?)spec["color"]);
        Assert.Equal("Scale", (string?)scale["kind"]);
        Assert.Equal(4, (int?)scale["spec"]!["replicas"]);
        Assert.Contains($"widget.{group} \"w1\" deleted", deleted);
        Assert.NotEqual(0, (await K.RunAsync("get", W(group), "w1", "-n", ns)).ExitCode);
    }

    [Fact]
    public async Task GetWatch_CustomResource_StreamsChanges()
    {
        var (group, ns) = await InstallAsync();
        await ApplyAsync(CrdManifests.Widget(group, "watched", ns, 1));
        using var watch = K.Start(["get", W(group), "-n", ns, "-w"]);
        var lines = new LineReader(watch.StandardOutput);
        try
        {
            await lines.WaitForAsync(l => l.StartsWith("watched ", StringComparison.Ordinal), TimeSpan.FromSeconds(20));

            (await K.RunAsync("patch", W(group), "watched", "-n", ns, "--type=merge", "-p", """{"spec":{"size":7}}""")).EnsureSuccess();
            var changed = await lines.WaitForAsync(l => Words(l) is ["watched", "7", _], TimeSpan.FromSeconds(20));

            Assert.False(watch.HasExited, "kubectl get -w must stay open");
            Assert.StartsWith("watched", changed);
        }
        finally
        {
            watch.Kill(entireProcessTree: true);
            await watch.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Explain_Spec_ShowsSchemaFieldsAndDescriptions()
    {
        var (group, _) = await InstallAsync();

        var result = (await K.RunAsync("explain", $"widgets.spec", "--api-version", group + "/v1")).EnsureSuccess().StdOut;

        Assert.Contains("KIND:       Widget", result);
        Assert.Contains("The desired state of the widget.", result);
        Assert.Matches(@"size\s+<integer> -required-", result);
        Assert.Contains("How many parts the widget has.", result);
    }

    [Fact]
    public async Task Apply_InvalidWidget_RejectedNamingTheFields()
    {
        var (group, ns) = await InstallAsync();

        var result = await ApplyRawAsync(CrdManifests.Widget(group, "bad", ns, 20, "\n  color: pink"));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("The Widget \"bad\" is invalid", result.StdErr);
        Assert.Contains("spec.size: Invalid value: 20: spec.size in body should be less than or equal to 10", result.StdErr);
        Assert.Contains("spec.color: Unsupported value: \"pink\": supported values: \"red\", \"green\", \"blue\"", result.StdErr);
    }

    [Fact]
    public async Task Apply_UnknownFieldsAndMissingDefaults_StrictRejectsOtherwisePrunedAndDefaulted()
    {
        var (group, ns) = await InstallAsync();
        var manifest = CrdManifests.Widget(group, "loose", ns, 3, "\n  extra: 1\n  options:\n    junk: true");

        var strict = await ApplyRawAsync(manifest);
        var warned = await ApplyRawAsync(manifest, "--validate=warn");
        var stored = JsonNode.Parse((await K.RunAsync("get", W(group), "loose", "-n", ns, "-o", "json")).EnsureSuccess().StdOut)!;

        Assert.NotEqual(0, strict.ExitCode);
        Assert.Contains("strict decoding error: unknown field \"spec.extra\", unknown field \"spec.options.junk\"", strict.StdErr);
        Assert.Equal(0, warned.ExitCode);
        Assert.Contains("Warning: unknown field \"spec.extra\"", warned.StdErr);
        Assert.Equal("""{"color":"green","options":{"shiny":true},"size":3}""", Sorted(stored["spec"]));
    }

    [Fact]
    public async Task DeleteCrd_WithResources_DeletesThemAndStopsServing()
    {
        var (group, ns) = await InstallAsync();
        await ApplyAsync(CrdManifests.Widget(group, "a", ns, 1));
        await ApplyAsync(CrdManifests.Widget(group, "b", ns, 2));

        (await K.RunAsync("delete", "crd", $"widgets.{group}", "--timeout=30s")).EnsureSuccess();
        var gone = await K.RunAsync("get", W(group), "-n", ns);
        await ApplyAsync(CrdManifests.Widgets(group));
        (await K.RunAsync("wait", "--for=condition=established", $"crd/widgets.{group}", "--timeout=10s")).EnsureSuccess();
        var again = (await K.RunAsync("get", W(group), "-n", ns, "-o", "name")).EnsureSuccess().StdOut;

        Assert.NotEqual(0, gone.ExitCode);
        Assert.Equal("", again.Trim());
    }

    [Fact]
    public async Task ApplyCrd_KindTakenInGroup_NamesNotAccepted()
    {
        var (group, _) = await InstallAsync();

        await ApplyAsync(CrdManifests.Widgets(group, kind: "Widget", plural: "gizmos", shortName: "gz"));
        (await K.RunAsync("wait", "--for=condition=NamesAccepted=false", $"crd/gizmos.{group}", "--timeout=10s")).EnsureSuccess();
        var status = JsonNode.Parse((await K.RunAsync("get", "crd", $"gizmos.{group}", "-o", "jsonpath={.status}")).EnsureSuccess().StdOut)!;

        var conditions = status["conditions"]!.AsArray();
        Assert.Contains(conditions, c => (string?)c!["type"] == "NamesAccepted" && (string?)c["reason"] == "ListKindConflict"
            && (string?)c["message"] == "\"WidgetList\" is already in use");
        Assert.Contains(conditions, c => (string?)c!["type"] == "Established" && (string?)c["status"] == "False" && (string?)c["reason"] == "NotAccepted");
        Assert.NotEqual(0, (await K.RunAsync("get", "gizmos." + group)).ExitCode);
    }

    [Fact]
    public async Task DeprecatedVersionAndSelectors_WarnAndFilter()
    {
        var (group, ns) = await InstallAsync();
        await ApplyAsync(CrdManifests.Widget(group, "red-one", ns, 1, "\n  color: red"));
        await ApplyAsync(CrdManifests.Widget(group, "blue-one", ns, 1, "\n  color: blue"));
        (await K.RunAsync("label", W(group), "blue-one", "-n", ns, "tier=x")).EnsureSuccess();

        var old = (await K.RunAsync("get", $"widgets.v1beta1.{group}", "-n", ns, "-o", "name")).EnsureSuccess();
        var byField = (await K.RunAsync("get", W(group), "-n", ns, "--field-selector", "spec.color=red", "-o", "name")).EnsureSuccess().StdOut;
        var byLabel = (await K.RunAsync("get", W(group), "-n", ns, "-l", "tier=x", "-o", "name")).EnsureSuccess().StdOut;
        var byName = (await K.RunAsync("get", W(group), "-n", ns, "--field-selector", "metadata.name=blue-one", "-o", "name")).EnsureSuccess().StdOut;
        var badField = await K.RunAsync("get", W(group), "-n", ns, "--field-selector", "spec.size=1");

        Assert.Contains($"Warning: {group}/v1beta1 Widget is deprecated", old.StdErr);
        Assert.Contains("widget", old.StdOut);
        Assert.Equal($"widget.{group}/red-one", byField.Trim());
        Assert.Equal($"widget.{group}/blue-one", byLabel.Trim());
        Assert.Equal($"widget.{group}/blue-one", byName.Trim());
        Assert.NotEqual(0, badField.ExitCode);
    }

    [Fact]
    public async Task StatusSubresource_MainEndpointIgnoresStatusAndStatusEndpointOnlyStatus()
    {
        var (group, ns) = await InstallAsync();
        await ApplyAsync(CrdManifests.Widget(group, "s", ns, 1));

        (await K.RunAsync("patch", W(group), "s", "-n", ns, "--type=merge", "-p", """{"status":{"replicas":9}}""")).EnsureSuccess();
        var afterMain = (await K.RunAsync("get", W(group), "s", "-n", ns, "-o", "jsonpath={.status.replicas}")).EnsureSuccess().StdOut;
        (await K.RunAsync("patch", W(group), "s", "-n", ns, "--subresource=status", "--type=merge",
            "-p", """{"spec":{"size":8},"status":{"replicas":3}}""")).EnsureSuccess();
        var afterStatus = JsonNode.Parse((await K.RunAsync("get", W(group), "s", "-n", ns, "-o", "json")).EnsureSuccess().StdOut)!;

        Assert.Equal("", afterMain);
        Assert.Equal(3, (int?)afterStatus["status"]!["replicas"]);
        Assert.Equal(1, (int?)afterStatus["spec"]!["size"]);
    }

    [Fact]
    public async Task FinalizersAndDeleteCollection_WorkAsForBuiltIns()
    {
        var (group, ns) = await InstallAsync();
        await ApplyAsync(CrdManifests.Widget(group, "held", ns, 1).Replace($"  namespace: {ns}", $"  namespace: {ns}\n  finalizers: [example.com/hold]"));
        await ApplyAsync(CrdManifests.Widget(group, "x1", ns, 1));
        await ApplyAsync(CrdManifests.Widget(group, "x2", ns, 1));

        (await K.RunAsync("delete", W(group), "held", "-n", ns, "--wait=false")).EnsureSuccess();
        var deleting = (await K.RunAsync("get", W(group), "held", "-n", ns, "-o", "jsonpath={.metadata.deletionTimestamp}")).EnsureSuccess().StdOut;
        (await K.RunAsync("patch", W(group), "held", "-n", ns, "--type=merge", "-p", """{"metadata":{"finalizers":null}}""")).EnsureSuccess();
        var collection = await server.Http.DeleteAsync($"/apis/{group}/v1/namespaces/{ns}/widgets");
        var left = (await K.RunAsync("get", W(group), "-n", ns, "-o", "name")).EnsureSuccess().StdOut;

        Assert.NotEqual("", deleting);
        Assert.True(collection.IsSuccessStatusCode);
        Assert.Equal("", left.Trim());
    }

    [Fact]
    public async Task Apply_CustomResourceBreakingCelRule_PrintsRuleMessage()
    {
        var (group, ns) = await InstallAsync();

        var refused = await ApplyRawAsync(CrdManifests.Widget(group, "limited", ns, 5, "\n  limit: 2"));
        await ApplyAsync(CrdManifests.Widget(group, "fits", ns, 2, "\n  limit: 2"));

        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains($"The Widget \"limited\" is invalid: spec: Invalid value: \"object\": size must not exceed limit", refused.StdErr);
    }

    private async Task<(string Group, string Namespace)> InstallAsync()
    {
        var group = CrdManifests.NewGroup();
        await ApplyAsync(CrdManifests.Widgets(group));
        (await K.RunAsync("wait", "--for=condition=established", $"crd/widgets.{group}", "--timeout=10s")).EnsureSuccess();
        var ns = "t-" + Guid.NewGuid().ToString("N")[..10];
        (await K.RunAsync("create", "namespace", ns)).EnsureSuccess();
        return (group, ns);
    }

    private async Task ApplyAsync(string yaml) => (await ApplyRawAsync(yaml)).EnsureSuccess();

    private Task<KubectlResult> ApplyRawAsync(string yaml, params string[] flags) =>
        K.RunAsync(["apply", "-f", "-", .. flags], yaml, Infrastructure.Kubectl.DefaultTimeout);

    private static async Task UntilAsync(Func<Task<bool>> check, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (!await check())
        {
            await Task.Delay(20, deadline.Token);
        }
    }

    private static string Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => "{" + string.Join(",", obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"\"{p.Key}\":{Sorted(p.Value)}")) + "}",
        _ => node?.ToJsonString() ?? "null",
    };

    // Every test has its own group with a Widget kind, so resources are always named with their group.
    private static string W(string group) => "widgets." + group;

    private static string[] Words(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
