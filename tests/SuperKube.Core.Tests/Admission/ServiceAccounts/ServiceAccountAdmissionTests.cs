using System.Text.Json.Nodes;
using SuperKube.Api;
using SuperKube.Registry;
using SuperKube.Security;
using SuperKube.Security.Tests;

namespace SuperKube.Admission.ServiceAccounts.Tests;

public sealed class ServiceAccountAdmissionTests
{
    private const string MountPath = "/var/run/secrets/kubernetes.io/serviceaccount";
    private readonly FakeObjects _objects = new FakeObjects()
        .Add("", "serviceaccounts", "ns", """{"metadata":{"name":"default","namespace":"ns"}}""")
        .Add("", "serviceaccounts", "ns", """{"metadata":{"name":"quiet","namespace":"ns"},"automountServiceAccountToken":false}""")
        .Add("", "serviceaccounts", "ns", """{"metadata":{"name":"puller","namespace":"ns"},"imagePullSecrets":[{"name":"registry"}]}""");

    private static AdmissionRequest Request(string spec, string annotations = "{}") => new()
    {
        Operation = AdmissionOperation.Create,
        Resource = BuiltInResources.Create().Single(t => t is { Group: "", Plural: "pods" }),
        Namespace = "ns",
        Name = "p",
        Object = JsonNode.Parse($$"""{"metadata":{"name":"p","namespace":"ns","annotations":{{annotations}}},"spec":{{spec}}}""")!.AsObject(),
        User = UserInfo.Admin,
    };

    private static async Task<JsonObject> AdmitAsync(IObjectLookup objects, AdmissionRequest request)
    {
        await new ServiceAccountAdmission(objects, TimeProvider.System).MutateAsync(request, TestContext.Current.CancellationToken);
        return (JsonObject)request.Object!["spec"]!;
    }

    private Task<JsonObject> AdmitAsync(string spec) => AdmitAsync(_objects, Request(spec));

    [Fact]
    public async Task MutateAsync_NoAccount_DefaultsAndMountsTheProjectedTokenInEveryContainer()
    {
        var spec = await AdmitAsync("""{"initContainers":[{"name":"i"}],"containers":[{"name":"a"},{"name":"b","volumeMounts":[{"name":"x","mountPath":"/x"}]}]}""");

        Assert.Equal("default", (string?)spec["serviceAccountName"]);
        var volume = Assert.Single(spec["volumes"]!.AsArray())!.AsObject();
        var name = (string)volume["name"]!;
        Assert.Matches("^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$", name);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            {"sources":[{"serviceAccountToken":{"expirationSeconds":3607,"path":"token"}},
              {"configMap":{"name":"kube-root-ca.crt","items":[{"key":"ca.crt","path":"ca.crt"}]}},
              {"downwardAPI":{"items":[{"path":"namespace","fieldRef":{"apiVersion":"v1","fieldPath":"metadata.namespace"}}]}}],
             "defaultMode":420}
            """), volume["projected"]), volume.ToJsonString());
        var expectedMount = JsonNode.Parse($$"""{"name":"{{name}}","readOnly":true,"mountPath":"{{MountPath}}"}""");
        Assert.True(JsonNode.DeepEquals(expectedMount, spec["initContainers"]![0]!["volumeMounts"]![0]));
        Assert.True(JsonNode.DeepEquals(expectedMount, spec["containers"]![0]!["volumeMounts"]![0]));
        Assert.Equal("/x", (string?)spec["containers"]![1]!["volumeMounts"]![0]!["mountPath"]);
        Assert.True(JsonNode.DeepEquals(expectedMount, spec["containers"]![1]!["volumeMounts"]![1]));
    }

    [Fact]
    public async Task MutateAsync_AutomountOff_OnPodOrAccount_NoVolume_PodsChoiceWins()
    {
        var podOff = await AdmitAsync("""{"automountServiceAccountToken":false,"containers":[{"name":"a"}]}""");
        var accountOff = await AdmitAsync("""{"serviceAccountName":"quiet","containers":[{"name":"a"}]}""");
        var podOverrides = await AdmitAsync("""{"serviceAccountName":"quiet","automountServiceAccountToken":true,"containers":[{"name":"a"}]}""");

        Assert.Null(podOff["volumes"]);
        Assert.Null(accountOff["volumes"]);
        Assert.Null(accountOff["containers"]![0]!["volumeMounts"]);
        Assert.Single(podOverrides["volumes"]!.AsArray());
    }

    [Fact]
    public async Task MutateAsync_OwnMountAtTokenPath_IsKept_AndNoVolumeAdded()
    {
        var spec = await AdmitAsync("""{"containers":[{"name":"a","volumeMounts":[{"name":"mine","mountPath":"/var/run/secrets/kubernetes.io/serviceaccount"}]}],"volumes":[{"name":"mine","emptyDir":{}}]}""");

        Assert.Equal("mine", (string?)Assert.Single(spec["volumes"]!.AsArray())!["name"]);
        Assert.Single(spec["containers"]![0]!["volumeMounts"]!.AsArray());
    }

    [Fact]
    public async Task MutateAsync_CopiesTheAccountsImagePullSecrets_UnlessThePodHasSome()
    {
        var copied = await AdmitAsync("""{"serviceAccountName":"puller","containers":[{"name":"a"}]}""");
        var own = await AdmitAsync("""{"serviceAccountName":"puller","imagePullSecrets":[{"name":"mine"}],"containers":[{"name":"a"}]}""");

        Assert.Equal("registry", (string?)copied["imagePullSecrets"]![0]!["name"]);
        Assert.Equal("mine", (string?)Assert.Single(own["imagePullSecrets"]!.AsArray())!["name"]);
    }

    [Fact]
    public async Task MutateAsync_MissingAccount_Forbidden_WithUpstreamMessage()
    {
        var error = await Assert.ThrowsAsync<ApiException>(() => AdmitAsync("""{"serviceAccountName":"ghost","containers":[{"name":"a"}]}"""));

        Assert.Equal(403, error.Code);
        Assert.Equal("pods \"p\" is forbidden: error looking up service account ns/ghost: serviceaccount \"ghost\" not found", error.Message);
    }

    [Fact]
    public async Task MutateAsync_DefaultAccountNotYetCreated_IsLookedForAgain()
    {
        var late = new LateAccount(_objects, hiddenLookups: 3);

        var spec = await AdmitAsync(late, Request("""{"containers":[{"name":"a"}]}"""));
        var missing = await Assert.ThrowsAsync<ApiException>(() => AdmitAsync(new FakeObjects(), Request("""{"containers":[{"name":"a"}]}""")));

        Assert.Equal("default", (string?)spec["serviceAccountName"]);
        Assert.Equal(4, late.Lookups);
        Assert.Equal("pods \"p\" is forbidden: error looking up service account ns/default: serviceaccount \"default\" not found", missing.Message);
    }

    [Fact]
    public async Task MutateAsync_MirrorPod_LeftAlone_ButMayNotReferenceAccountsOrSecrets()
    {
        const string Mirror = """{"kubernetes.io/config.mirror":"hash"}""";

        var request = Request("""{"containers":[{"name":"a"}]}""", Mirror);
        var spec = await AdmitAsync(_objects, request);
        var account = await Assert.ThrowsAsync<ApiException>(() => AdmitAsync(_objects, Request("""{"serviceAccountName":"default","containers":[{"name":"a"}]}""", Mirror)));
        var secret = await Assert.ThrowsAsync<ApiException>(() => AdmitAsync(_objects, Request("""{"containers":[{"name":"a"}],"volumes":[{"name":"s","secret":{"secretName":"s"}}]}""", Mirror)));

        Assert.Null(spec["serviceAccountName"]);
        Assert.Null(spec["volumes"]);
        Assert.Equal("pods \"p\" is forbidden: a mirror pod may not reference service accounts", account.Message);
        Assert.Equal("pods \"p\" is forbidden: a mirror pod may not reference secrets", secret.Message);
    }

    /// <summary>Hides every ServiceAccount for the first lookups, as when the controller has not created it yet.</summary>
    private sealed class LateAccount(IObjectLookup inner, int hiddenLookups) : IObjectLookup
    {
        public int Lookups { get; private set; }

        public JsonObject? Find(string group, string resource, string ns, string name) =>
            ++Lookups <= hiddenLookups ? null : inner.Find(group, resource, ns, name);

        public IReadOnlyList<JsonObject> List(string group, string resource, string ns) => inner.List(group, resource, ns);

        public (int Count, long Highest) Version(string group, string resource) => inner.Version(group, resource);
    }
}
