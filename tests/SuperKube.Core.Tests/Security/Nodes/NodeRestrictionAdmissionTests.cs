using System.Text.Json.Nodes;
using SuperKube.Admission;
using SuperKube.Api;
using SuperKube.Registry;

namespace SuperKube.Security.Nodes.Tests;

public sealed class NodeRestrictionAdmissionTests
{
    private static readonly UserInfo Node1 = new("system:node:n1", ["system:nodes", "system:authenticated"]);

    private static AdmissionRequest Request(
        string resource, AdmissionOperation operation, string? json, string? old = null, string subresource = "", UserInfo? user = null, string group = "")
    {
        var type = BuiltInResources.Create().Single(t => t.Group == group && t.Plural == resource);
        var obj = json is null ? null : JsonNode.Parse(json)!.AsObject();
        var oldObj = old is null ? null : JsonNode.Parse(old)!.AsObject();
        var metadata = (obj ?? oldObj)!["metadata"]!;
        return new AdmissionRequest
        {
            Operation = operation,
            Resource = type,
            Namespace = (string?)metadata["namespace"] ?? "",
            Name = (string)metadata["name"]!,
            Subresource = subresource,
            Object = obj,
            OldObject = oldObj,
            User = user ?? Node1,
        };
    }

    private static async Task<string?> RefusalAsync(AdmissionRequest request)
    {
        try
        {
            await new NodeRestrictionAdmission().ValidateAsync(request, TestContext.Current.CancellationToken);
            return null;
        }
        catch (ApiException ex)
        {
            Assert.Equal(403, ex.Code);
            return ex.Message;
        }
    }

    private static string Node(string name, string labels = "{}", string taints = "[]") =>
        $$$"""{"metadata":{"name":"{{{name}}}","labels":{{{labels}}}},"spec":{"taints":{{{taints}}}}}""";

    private static string Pod(string node, string annotations = "{}", string owners = "[]", string spec = "") =>
        $$$"""{"metadata":{"name":"p","namespace":"ns","annotations":{{{annotations}}},"ownerReferences":{{{owners}}}},"spec":{"nodeName":"{{{node}}}"{{{spec}}}}}""";

    [Fact]
    public async Task Nodes_OwnAllowed_OtherNodeTaintsAndRestrictedLabelsRefused()
    {
        var own = await RefusalAsync(Request("nodes", AdmissionOperation.Update, Node("n1", """{"a":"2"}"""), Node("n1", """{"a":"1"}""")));
        var other = await RefusalAsync(Request("nodes", AdmissionOperation.Update, Node("n2"), Node("n2")));
        var taints = await RefusalAsync(Request("nodes", AdmissionOperation.Update, Node("n1", taints: """[{"key":"k","effect":"NoSchedule"}]"""), Node("n1")));
        var removeLabel = await RefusalAsync(Request("nodes", AdmissionOperation.Update, Node("n1"), Node("n1", """{"node-restriction.kubernetes.io/x":"1"}""")));
        var register = await RefusalAsync(Request("nodes", AdmissionOperation.Create,
            Node("n1", """{"b.node-restriction.kubernetes.io/y":"1","node-restriction.kubernetes.io/x":"1","kubernetes.io/hostname":"n1"}""")));
        var admin = await RefusalAsync(Request("nodes", AdmissionOperation.Update, Node("n2"), Node("n2", taints: """[{"key":"k"}]"""), user: UserInfo.Admin));

        Assert.Null(own);
        Assert.Equal("nodes \"n2\" is forbidden: node \"n1\" is not allowed to modify node \"n2\"", other);
        Assert.Equal("nodes \"n1\" is forbidden: node \"n1\" is not allowed to modify taints", taints);
        Assert.Equal("nodes \"n1\" is forbidden: is not allowed to modify labels: node-restriction.kubernetes.io/x", removeLabel);
        Assert.Equal(
            "nodes \"n1\" is forbidden: node \"n1\" is not allowed to set the following labels: b.node-restriction.kubernetes.io/y, node-restriction.kubernetes.io/x",
            register);
        Assert.Null(admin);
    }

    [Fact]
    public async Task Pods_StatusAndDeleteOnlyOfOwnPods()
    {
        var ownStatus = await RefusalAsync(Request("pods", AdmissionOperation.Update, Pod("n1"), Pod("n1"), "status"));
        var otherStatus = await RefusalAsync(Request("pods", AdmissionOperation.Update, Pod("n1"), Pod("n2"), "status"));
        var ownDelete = await RefusalAsync(Request("pods", AdmissionOperation.Delete, null, Pod("n1")));
        var otherDelete = await RefusalAsync(Request("pods", AdmissionOperation.Delete, null, Pod("n2")));
        var update = await RefusalAsync(Request("pods", AdmissionOperation.Update, Pod("n1"), Pod("n1")));

        Assert.Null(ownStatus);
        Assert.Equal("pods \"p\" is forbidden: node \"n1\" can only update pod status for pods with spec.nodeName set to itself", otherStatus);
        Assert.Null(ownDelete);
        Assert.Equal("pods \"p\" is forbidden: node \"n1\" can only delete pods with spec.nodeName set to itself", otherDelete);
        Assert.Equal("pods \"p\" is forbidden: unexpected operation UPDATE, node \"n1\" can only create and delete mirror pods", update);
    }

    [Fact]
    public async Task Pods_CreateOnlyMirrorPodsOwnedByTheNodeWithoutReferences()
    {
        const string Mirror = """{"kubernetes.io/config.mirror":"hash"}""";
        const string Owner = """[{"apiVersion":"v1","kind":"Node","name":"n1","uid":"u"}]""";
        async Task<string?> CreateAsync(string pod) => await RefusalAsync(Request("pods", AdmissionOperation.Create, pod));

        var mirror = await CreateAsync(Pod("n1", Mirror, Owner));
        var plain = await CreateAsync(Pod("n1", owners: Owner));
        var otherNode = await CreateAsync(Pod("n2", Mirror, Owner));
        var unowned = await CreateAsync(Pod("n1", Mirror));
        var account = await CreateAsync(Pod("n1", Mirror, Owner, ""","serviceAccountName":"sa" """));
        var secret = await CreateAsync(Pod("n1", Mirror, Owner, ""","volumes":[{"name":"v","secret":{"secretName":"s"}}]"""));

        Assert.Null(mirror);
        Assert.Equal("pods \"p\" is forbidden: pod does not have \"kubernetes.io/config.mirror\" annotation, node \"n1\" can only create mirror pods", plain);
        Assert.Equal("pods \"p\" is forbidden: node \"n1\" can only create pods with spec.nodeName set to itself", otherNode);
        Assert.Equal("pods \"p\" is forbidden: node \"n1\" can only create pods with an owner reference set to itself", unowned);
        Assert.Equal("pods \"p\" is forbidden: node \"n1\" can not create pods that reference a service account", account);
        Assert.Equal("pods \"p\" is forbidden: node \"n1\" can not create pods that reference secrets", secret);
    }

    [Fact]
    public async Task Leases_OnlyOwnNameInNodeLeaseNamespace()
    {
        static string Lease(string ns, string name) => $$$"""{"metadata":{"name":"{{{name}}}","namespace":"{{{ns}}}"}}""";

        var own = await RefusalAsync(Request("leases", AdmissionOperation.Create, Lease("kube-node-lease", "n1"), group: "coordination.k8s.io"));
        var other = await RefusalAsync(Request("leases", AdmissionOperation.Create, Lease("kube-node-lease", "n2"), group: "coordination.k8s.io"));
        var elsewhere = await RefusalAsync(Request("leases", AdmissionOperation.Create, Lease("default", "n1"), group: "coordination.k8s.io"));

        Assert.Null(own);
        Assert.Equal("leases.coordination.k8s.io \"n2\" is forbidden: can only access node lease with the same name as the requesting node", other);
        Assert.Equal("leases.coordination.k8s.io \"n1\" is forbidden: can only access leases in the \"kube-node-lease\" system namespace", elsewhere);
    }
}
