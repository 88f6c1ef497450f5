using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SuperKube.Client;
using SuperKube.Controllers.Informers;
using SuperKube.Model.Core;

namespace SuperKube.Security.Nodes.Tests;

public sealed class NodeAuthorizerTests
{
    private static readonly UserInfo Node1 = new("system:node:n1", ["system:nodes", "system:authenticated"]);
    private readonly FakeInformers _informers = new();
    private readonly DenyAll _rbac = new();

    private NodeAuthorizer Authorizer()
    {
        var services = new ServiceCollection().AddSingleton<ISharedInformerFactory>(_informers).BuildServiceProvider();
        var graph = new NodeGraph(services);
        Assert.True(graph.StartAsync(TestContext.Current.CancellationToken).IsCompletedSuccessfully);
        return new(graph, _rbac);
    }

    private static Pod Pod(string name, string node, string spec = "{}")
    {
        var json = JsonNode.Parse(spec)!.AsObject();
        json["nodeName"] = node;
        return KubernetesClientExtensions.FromJson<Pod>(new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "ns" },
            ["spec"] = json,
        });
    }

    private static AuthorizationAttributes Get(UserInfo user, string resource, string name, string ns = "ns", string verb = "get", string subresource = "", string group = "") =>
        new(user, verb, group, resource, subresource, ns, name, IsResourceRequest: true, Path: "");

    private ValueTask<string?> AuthorizeAsync(NodeAuthorizer authorizer, AuthorizationAttributes a) => authorizer.AuthorizeAsync(a, TestContext.Current.CancellationToken);

    [Fact]
    public async Task AuthorizeAsync_SecretOfOwnPod_Allowed_OthersDeniedWithRelationshipReason()
    {
        var authorizer = Authorizer();
        _informers.Of<Pod>().Add(Pod("p", "n1", """{"volumes":[{"name":"v","secret":{"secretName":"mine"}}]}"""));
        _informers.Of<Pod>().Add(Pod("q", "n2", """{"volumes":[{"name":"v","secret":{"secretName":"theirs"}}]}"""));

        var mine = await AuthorizeAsync(authorizer, Get(Node1, "secrets", "mine"));
        var theirs = await AuthorizeAsync(authorizer, Get(Node1, "secrets", "theirs"));
        var write = await AuthorizeAsync(authorizer, Get(Node1, "secrets", "mine", verb: "update"));
        var list = await AuthorizeAsync(authorizer, Get(Node1, "secrets", ""));

        Assert.Null(mine);
        Assert.Equal("no relationship found between node 'n1' and this object", theirs);
        Assert.Equal("can only read resources of this type", write);
        Assert.Equal("No Object name found", list);
    }

    [Fact]
    public async Task AuthorizeAsync_PodMovesOrIsDeleted_EdgesFollow()
    {
        var authorizer = Authorizer();
        var pods = _informers.Of<Pod>();
        var unbound = Pod("p", "", """{"containers":[{"name":"c","envFrom":[{"configMapRef":{"name":"cfg"}}]}]}""");
        pods.Add(unbound);
        var whileUnbound = await AuthorizeAsync(authorizer, Get(Node1, "configmaps", "cfg"));
        var bound = Pod("p", "n1", """{"containers":[{"name":"c","envFrom":[{"configMapRef":{"name":"cfg"}}]}]}""");
        pods.Update(unbound, bound);
        var whileBound = await AuthorizeAsync(authorizer, Get(Node1, "configmaps", "cfg"));
        pods.Delete(bound);
        var afterDelete = await AuthorizeAsync(authorizer, Get(Node1, "configmaps", "cfg"));

        Assert.NotNull(whileUnbound);
        Assert.Null(whileBound);
        Assert.NotNull(afterDelete);
    }

    [Fact]
    public async Task AuthorizeAsync_VolumeOfClaimOfOwnPod_Allowed()
    {
        var authorizer = Authorizer();
        _informers.Of<Pod>().Add(Pod("p", "n1", """{"volumes":[{"name":"data","persistentVolumeClaim":{"claimName":"claim"}}]}"""));
        _informers.Of<PersistentVolumeClaim>().Add(KubernetesClientExtensions.FromJson<PersistentVolumeClaim>(JsonNode.Parse(
            """{"metadata":{"name":"claim","namespace":"ns"},"spec":{"volumeName":"pv-1"}}""")!.AsObject()));

        var claim = await AuthorizeAsync(authorizer, Get(Node1, "persistentvolumeclaims", "claim"));
        var volume = await AuthorizeAsync(authorizer, Get(Node1, "persistentvolumes", "pv-1", ns: ""));
        var otherVolume = await AuthorizeAsync(authorizer, Get(Node1, "persistentvolumes", "pv-2", ns: ""));
        var listClaims = await AuthorizeAsync(authorizer, Get(Node1, "persistentvolumeclaims", "", verb: "list"));

        Assert.Null(claim);
        Assert.Null(volume);
        Assert.NotNull(otherVolume);
        Assert.Equal("can only get individual resources of this type", listClaims);
    }

    [Fact]
    public async Task AuthorizeAsync_Tokens_OnlyForServiceAccountsOfOwnPods()
    {
        var authorizer = Authorizer();
        _informers.Of<Pod>().Add(Pod("p", "n1", """{"serviceAccountName":"builder"}"""));

        var token = await AuthorizeAsync(authorizer, Get(Node1, "serviceaccounts", "builder", verb: "create", subresource: "token"));
        var otherToken = await AuthorizeAsync(authorizer, Get(Node1, "serviceaccounts", "default", verb: "create", subresource: "token"));
        var update = await AuthorizeAsync(authorizer, Get(Node1, "serviceaccounts", "builder", verb: "update"));

        Assert.Null(token);
        Assert.Equal("no relationship found between node 'n1' and this object", otherToken);
        Assert.Equal("can only create tokens for individual service accounts", update);
    }

    [Fact]
    public async Task AuthorizeAsync_Leases_OnlyOwnInNodeLeaseNamespace()
    {
        var authorizer = Authorizer();
        AuthorizationAttributes Lease(string verb, string ns, string name) => Get(Node1, "leases", name, ns, verb, group: "coordination.k8s.io");

        var own = await AuthorizeAsync(authorizer, Lease("update", "kube-node-lease", "n1"));
        var create = await AuthorizeAsync(authorizer, Lease("create", "kube-node-lease", ""));
        var other = await AuthorizeAsync(authorizer, Lease("update", "kube-node-lease", "n2"));
        var elsewhere = await AuthorizeAsync(authorizer, Lease("get", "kube-system", "n1"));
        var list = await AuthorizeAsync(authorizer, Lease("list", "kube-node-lease", ""));

        Assert.Null(own);
        Assert.Null(create);
        Assert.Equal("can only access node lease with the same name as the requesting node", other);
        Assert.Equal("can only access leases in the \"kube-node-lease\" system namespace", elsewhere);
        Assert.Equal("can only get, create, update, patch, or delete a node lease", list);
    }

    [Fact]
    public async Task AuthorizeAsync_StaticRules_AllowNodeWork_DenyTheRest()
    {
        var authorizer = Authorizer();

        var podStatus = await AuthorizeAsync(authorizer, Get(Node1, "pods", "p", verb: "patch", subresource: "status"));
        var nodes = await AuthorizeAsync(authorizer, Get(Node1, "nodes", "", ns: "", verb: "list"));
        var podUpdate = await AuthorizeAsync(authorizer, Get(Node1, "pods", "p", verb: "update"));
        var deployments = await AuthorizeAsync(authorizer, Get(Node1, "deployments", "", verb: "create", group: "apps"));

        Assert.Null(podStatus);
        Assert.Null(nodes);
        Assert.Equal("", podUpdate);
        Assert.Equal("", deployments);
    }

    [Fact]
    public async Task AuthorizeAsync_NotANode_GoesToNextAuthorizerOnly()
    {
        var authorizer = Authorizer();
        var impostor = new UserInfo("system:node:n1", ["system:authenticated"]);
        _informers.Of<Pod>().Add(Pod("p", "n1", """{"volumes":[{"name":"v","secret":{"secretName":"mine"}}]}"""));

        var denial = await AuthorizeAsync(authorizer, Get(impostor, "secrets", "mine"));
        var unnamed = await AuthorizeAsync(authorizer, Get(new UserInfo("system:node:", ["system:nodes"]), "pods", "p"));

        Assert.Equal("", denial);
        Assert.Equal(1 + 1, _rbac.Calls);
        Assert.Equal("unknown node for user \"system:node:\"", unnamed);
    }

    private sealed class DenyAll : IAuthorizer
    {
        public int Calls { get; private set; }

        public ValueTask<string?> AuthorizeAsync(AuthorizationAttributes attributes, CancellationToken cancellationToken)
        {
            Calls++;
            return ValueTask.FromResult<string?>("");
        }
    }
}
