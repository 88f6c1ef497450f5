using System.Text.Json.Nodes;
using SuperKube.Schema;

namespace SuperKube.Patching.Tests;

/// <summary>The built-in patch metadata, exercised with the bodies kubectl actually sends (kubectl-wire.md 5 and 6).</summary>
public sealed class PatchSchemasTests
{
    private const string Deployment = """
        {'apiVersion':'apps/v1','kind':'Deployment',
         'metadata':{'name':'web','namespace':'default','labels':{'app':'web','tier':'fe'},'finalizers':['a/one','b/two']},
         'spec':{'replicas':1,'paused':true,'selector':{'matchLabels':{'app':'web'}},
          'strategy':{'type':'RollingUpdate','rollingUpdate':{'maxSurge':'25%','maxUnavailable':'25%'}},
          'template':{'metadata':{'labels':{'app':'web'}},'spec':{
            'containers':[{'name':'nginx','image':'nginx:1.25','imagePullPolicy':'IfNotPresent',
              'env':[{'name':'A','value':'1'},{'name':'B','value':'1'}],
              'ports':[{'containerPort':80,'protocol':'TCP'}]},
             {'name':'sidecar','image':'busybox','args':['sleep','1d']}],
            'tolerations':[{'key':'k1','operator':'Exists'},{'key':'k2','operator':'Exists'}],
            'volumes':[{'name':'data','emptyDir':{}},{'name':'other','emptyDir':{}}]}}}}
        """;

    [Theory]
    [InlineData("apps", "Deployment", "spec.template.spec.containers", "name", "merge")]
    [InlineData("apps", "Deployment", "spec.template.spec.containers[].env", "name", "merge")]
    [InlineData("apps", "Deployment", "spec.template.spec.volumes", "name", "merge,retainKeys")]
    [InlineData("apps", "Deployment", "spec.strategy", null, "retainKeys")]
    [InlineData("apps", "Deployment", "status.conditions", "type", "merge")]
    [InlineData("apps", "StatefulSet", "spec.template.spec.initContainers[].volumeMounts", "mountPath", "merge")]
    [InlineData("apps", "DaemonSet", "spec.template.metadata.ownerReferences", "uid", "merge")]
    [InlineData("apps", "ReplicaSet", "spec.template.spec.ephemeralContainers[].volumeDevices", "devicePath", "merge")]
    [InlineData("batch", "Job", "spec.template.spec.containers[].ports", "containerPort", "merge")]
    [InlineData("batch", "CronJob", "spec.jobTemplate.spec.template.spec.containers", "name", "merge")]
    [InlineData("", "ReplicationController", "spec.template.spec.imagePullSecrets", "name", "merge")]
    [InlineData("", "Pod", "spec.hostAliases", "ip", "merge")]
    [InlineData("", "Pod", "spec.topologySpreadConstraints", "topologyKey", "merge")]
    [InlineData("", "Pod", "spec.schedulingGates", "name", "merge")]
    [InlineData("", "Pod", "spec.resourceClaims", "name", "merge,retainKeys")]
    [InlineData("", "Pod", "status.podIPs", "ip", "merge")]
    [InlineData("", "Pod", "status.hostIPs", "ip", "merge")]
    [InlineData("", "Pod", "status.conditions", "type", "merge")]
    [InlineData("", "Pod", "metadata.finalizers", null, "merge")]
    [InlineData("", "Node", "spec.podCIDRs", null, "merge")]
    [InlineData("", "Node", "status.addresses", "type", "merge")]
    [InlineData("", "Node", "status.conditions", "type", "merge")]
    [InlineData("", "Namespace", "status.conditions", "type", "merge")]
    [InlineData("", "PersistentVolumeClaim", "status.conditions", "type", "merge")]
    [InlineData("", "Service", "spec.ports", "port", "merge")]
    [InlineData("", "Service", "status.conditions", "type", "merge")]
    [InlineData("", "ServiceAccount", "secrets", "name", "merge")]
    [InlineData("policy", "PodDisruptionBudget", "spec.selector", null, "replace")]
    [InlineData("policy", "PodDisruptionBudget", "status.conditions", "type", "merge")]
    [InlineData("autoscaling", "HorizontalPodAutoscaler", "status.conditions", "type", "merge")]
    [InlineData("", "ConfigMap", "metadata.ownerReferences", "uid", "merge")]
    [InlineData("rbac.authorization.k8s.io", "ClusterRole", "metadata.finalizers", null, "merge")]
    public void For_BuiltInKind_CarriesPatchMetadata(string group, string kind, string path, string? mergeKey, string strategy)
    {
        var field = Walk(PatchSchemas.For(group, kind), path);

        Assert.NotNull(field);
        Assert.Equal(mergeKey, field.PatchMergeKey);
        Assert.Equal(strategy, field.PatchStrategy);
    }

    [Theory]
    [InlineData("", "Pod", "spec.tolerations")]
    [InlineData("", "Node", "spec.taints")]
    [InlineData("", "Pod", "spec.containers[].command")]
    [InlineData("", "Pod", "spec.containers[].resizePolicy")]
    [InlineData("apps", "StatefulSet", "spec.volumeClaimTemplates")]
    public void For_FieldWithoutStrategy_HasNoMetadata(string group, string kind, string path)
    {
        Assert.Null(Walk(PatchSchemas.For(group, kind), path));
    }

    [Theory]
    [InlineData("example.com", "Widget")]
    [InlineData("apps", "Widget")]
    [InlineData("", "Deployment")]
    public void For_UnknownKind_ReturnsNull(string group, string kind)
    {
        Assert.Null(PatchSchemas.For(group, kind));
    }

    [Fact]
    public void For_CalledTwice_ReturnsIndependentTrees()
    {
        var first = PatchSchemas.For("apps", "Deployment");
        var second = PatchSchemas.For("apps", "Deployment");

        Assert.NotSame(first, second);
        Assert.NotSame(Walk(first, "spec.template.spec"), Walk(second, "spec.template.spec"));
    }

    [Fact]
    public void Apply_KubectlApplyBody_UpdatesImageAndReplicasAndDeletesEnv()
    {
        var patch = """
            {'metadata':{'annotations':{'kubectl.kubernetes.io/last-applied-configuration':'{}\n'}},
             'spec':{'replicas':3,'template':{'spec':{'$setElementOrder/containers':[{'name':'nginx'},{'name':'sidecar'}],
               'containers':[{'$setElementOrder/env':[{'name':'B'}],'env':[{'name':'B','value':'2'},{'$patch':'delete','name':'A'}],
                              'image':'nginx:1.26','name':'nginx'}]}}}}
            """;

        var result = ApplyToDeployment(patch);

        Json.Equal("3", result["spec"]!["replicas"]);
        Json.Equal("{'kubectl.kubernetes.io/last-applied-configuration':'{}\\n'}", result["metadata"]!["annotations"]);
        Json.Equal("""
            [{'name':'nginx','image':'nginx:1.26','imagePullPolicy':'IfNotPresent','env':[{'name':'B','value':'2'}],
              'ports':[{'containerPort':80,'protocol':'TCP'}]},
             {'name':'sidecar','image':'busybox','args':['sleep','1d']}]
            """, Containers(result));
    }

    [Fact]
    public void Apply_KubectlEditBody_MergesContainerByNamePreservingOtherFields()
    {
        var result = ApplyToDeployment("{'spec':{'template':{'spec':{'$setElementOrder/containers':[{'name':'nginx'},{'name':'sidecar'}],'containers':[{'image':'nginx:9.9','name':'nginx'}]}}}}");

        Json.Equal("""
            [{'name':'nginx','image':'nginx:9.9','imagePullPolicy':'IfNotPresent','env':[{'name':'A','value':'1'},{'name':'B','value':'1'}],
              'ports':[{'containerPort':80,'protocol':'TCP'}]},
             {'name':'sidecar','image':'busybox','args':['sleep','1d']}]
            """, Containers(result));
    }

    [Fact]
    public void Apply_SetElementOrderNamingSomeContainers_KeepsServerOnlyContainerInPlace()
    {
        var result = ApplyToDeployment("{'spec':{'template':{'spec':{'$setElementOrder/containers':[{'name':'new'},{'name':'nginx'}],'containers':[{'name':'new','image':'x'}]}}}}");

        var names = Containers(result).AsArray().Select(c => c!["name"]!.GetValue<string>());
        Assert.Equal(["new", "nginx", "sidecar"], names);
    }

    [Fact]
    public void Apply_AddedContainerWithoutElementOrder_ComesFirstLikeUpstream()
    {
        // Upstream normalizeElementOrder slots a patch item the server does not know before the server-only items.
        var result = ApplyToDeployment("{'spec':{'template':{'spec':{'containers':[{'name':'third','image':'x','env':[{'name':'E','value':null}]}]}}}}");

        var containers = Containers(result).AsArray();
        Assert.Equal(["third", "nginx", "sidecar"], containers.Select(c => c!["name"]!.GetValue<string>()));
        Json.Equal("{'name':'third','image':'x','env':[{'name':'E'}]}", containers[0]);
    }

    [Fact]
    public void Apply_AddedContainerWithElementOrder_GoesWhereTheOrderSays()
    {
        var result = ApplyToDeployment("{'spec':{'template':{'spec':{'$setElementOrder/containers':[{'name':'nginx'},{'name':'sidecar'},{'name':'third'}],'containers':[{'name':'third','image':'x'}]}}}}");

        Assert.Equal(["nginx", "sidecar", "third"], Containers(result).AsArray().Select(c => c!["name"]!.GetValue<string>()));
    }

    [Fact]
    public void Apply_ContainerPorts_MergedByContainerPort()
    {
        var result = ApplyToDeployment("{'spec':{'template':{'spec':{'containers':[{'name':'nginx','ports':[{'containerPort':80,'name':'http'},{'containerPort':443}]}]}}}}");

        Json.Equal("[{'containerPort':80,'protocol':'TCP','name':'http'},{'containerPort':443}]", Containers(result)[0]!["ports"]);
    }

    [Fact]
    public void Apply_ReplaceDirectiveOnContainerList_ReplacesList()
    {
        var result = ApplyToDeployment("{'spec':{'template':{'spec':{'containers':[{'name':'only','image':'x'},{'$patch':'replace'}]}}}}");

        Json.Equal("[{'name':'only','image':'x'}]", Containers(result));
    }

    [Fact]
    public void Apply_DeleteDirectiveOnContainer_RemovesIt()
    {
        var result = ApplyToDeployment("{'spec':{'template':{'spec':{'containers':[{'$patch':'delete','name':'sidecar'}]}}}}");

        Assert.Equal(["nginx"], Containers(result).AsArray().Select(c => c!["name"]!.GetValue<string>()));
    }

    [Fact]
    public void Apply_ReplaceDirectiveOnSelectorMap_ReplacesMap()
    {
        var result = ApplyToDeployment("{'spec':{'selector':{'$patch':'replace','matchLabels':{'run':'web'}}}}");

        Json.Equal("{'matchLabels':{'run':'web'}}", result["spec"]!["selector"]);
    }

    [Fact]
    public void Apply_RetainKeysOnVolume_SwitchesEmptyDirToConfigMap()
    {
        var patch = """
            {'spec':{'template':{'spec':{'$setElementOrder/volumes':[{'name':'data'},{'name':'other'}],
              'volumes':[{'$retainKeys':['configMap','name'],'configMap':{'name':'cfg'},'name':'data'}]}}}}
            """;

        var result = ApplyToDeployment(patch);

        Json.Equal("[{'name':'data','configMap':{'name':'cfg'}},{'name':'other','emptyDir':{}}]", result["spec"]!["template"]!["spec"]!["volumes"]);
    }

    [Fact]
    public void Apply_RetainKeysOnStrategy_SwitchesToRecreate()
    {
        var result = ApplyToDeployment("{'spec':{'strategy':{'$retainKeys':['type'],'rollingUpdate':null,'type':'Recreate'}}}");

        Json.Equal("{'type':'Recreate'}", result["spec"]!["strategy"]);
    }

    [Fact]
    public void Apply_DeleteFromPrimitiveListFinalizers_RemovesOnlyThoseValues()
    {
        var result = ApplyToDeployment("{'metadata':{'$setElementOrder/finalizers':['b/two','c/three'],'$deleteFromPrimitiveList/finalizers':['a/one'],'finalizers':['c/three']}}");

        Json.Equal("['b/two','c/three']", result["metadata"]!["finalizers"]);
    }

    [Fact]
    public void Apply_DeleteFromPrimitiveListOnly_KeepsOtherFinalizers()
    {
        var result = ApplyToDeployment("{'metadata':{'$deleteFromPrimitiveList/finalizers':['b/two','x/unknown']}}");

        Json.Equal("['a/one']", result["metadata"]!["finalizers"]);
    }

    [Fact]
    public void Apply_NullLabel_DeletesLabel()
    {
        var result = ApplyToDeployment("{'metadata':{'labels':{'tier':null}}}");

        Json.Equal("{'app':'web'}", result["metadata"]!["labels"]);
    }

    [Fact]
    public void Apply_Tolerations_ReplacedWhole()
    {
        var result = ApplyToDeployment("{'spec':{'template':{'spec':{'tolerations':[{'key':'k3','operator':'Exists'}]}}}}");

        Json.Equal("[{'key':'k3','operator':'Exists'}]", result["spec"]!["template"]!["spec"]!["tolerations"]);
    }

    [Fact]
    public void Apply_RolloutRestartBody_AddsTemplateAnnotation()
    {
        var result = ApplyToDeployment("{'spec':{'template':{'metadata':{'annotations':{'kubectl.kubernetes.io/restartedAt':'2026-11-21T08:07:11Z'}}}}}");

        Json.Equal("{'labels':{'app':'web'},'annotations':{'kubectl.kubernetes.io/restartedAt':'2026-11-21T08:07:11Z'}}", result["spec"]!["template"]!["metadata"]);
        Assert.Equal(2, Containers(result).AsArray().Count);
    }

    [Theory]
    [InlineData("{'spec':{'paused':true}}", true)]
    [InlineData("{'spec':{'paused':null}}", false)]
    public void Apply_RolloutPauseAndResumeBodies_SetOrClearPaused(string patch, bool paused)
    {
        var result = ApplyToDeployment(patch);

        Assert.Equal(paused, result["spec"]!.AsObject().ContainsKey("paused"));
    }

    [Fact]
    public void Apply_ControllerRevisionUndoBody_ReplacesTemplate()
    {
        var daemonSet = Json.Object("{'spec':{'template':{'metadata':{'labels':{'a':'1'},'annotations':{'x':'y'}},'spec':{'containers':[{'name':'c','image':'v2'}]}}}}");
        var patch = Json.Object("{'spec':{'template':{'$patch':'replace','metadata':{'labels':{'a':'1'}},'spec':{'containers':[{'name':'c','image':'v1'}]}}}}");

        var result = StrategicMergePatch.Apply(daemonSet, patch, PatchSchemas.For("apps", "DaemonSet"));

        Json.Equal("{'spec':{'template':{'metadata':{'labels':{'a':'1'}},'spec':{'containers':[{'name':'c','image':'v1'}]}}}}", result);
    }

    [Fact]
    public void Apply_ServicePorts_MergedByPort()
    {
        var service = Json.Object("{'spec':{'ports':[{'port':80,'targetPort':8080,'protocol':'TCP'},{'port':443}]}}");

        var result = StrategicMergePatch.Apply(service, Json.Object("{'spec':{'ports':[{'port':80,'targetPort':9090}]}}"), PatchSchemas.For("", "Service"));

        Json.Equal("[{'port':80,'targetPort':9090,'protocol':'TCP'},{'port':443}]", result["spec"]!["ports"]);
    }

    [Fact]
    public void Apply_NodeTaintsAndCordon_ReplaceTaintsAndToggleUnschedulable()
    {
        var node = Json.Object("{'spec':{'podCIDRs':['10.0.0.0/24'],'taints':[{'key':'a','effect':'NoSchedule'}]}}");
        var schema = PatchSchemas.For("", "Node");

        var tainted = StrategicMergePatch.Apply(node, Json.Object("{'spec':{'taints':[{'key':'b','effect':'NoExecute'}],'unschedulable':true}}"), schema);
        var uncordoned = StrategicMergePatch.Apply(tainted, Json.Object("{'spec':{'unschedulable':null}}"), schema);

        Json.Equal("{'spec':{'podCIDRs':['10.0.0.0/24'],'taints':[{'key':'b','effect':'NoExecute'}]}}", uncordoned);
    }

    [Fact]
    public void Apply_PodStatusConditions_MergedByType()
    {
        var pod = Json.Object("{'status':{'conditions':[{'type':'Ready','status':'False'},{'type':'PodScheduled','status':'True'}],'podIPs':[{'ip':'10.0.0.1'}]}}");
        var patch = Json.Object("{'status':{'conditions':[{'type':'Ready','status':'True'},{'type':'Initialized','status':'True'}],'podIPs':[{'ip':'fd00::1'}]}}");

        var result = StrategicMergePatch.Apply(pod, patch, PatchSchemas.For("", "Pod"));

        // Patch items come in patch order; the new Initialized is slotted before the server-only PodScheduled (upstream order).
        Json.Equal("""
            {'status':{'conditions':[{'type':'Ready','status':'True'},{'type':'Initialized','status':'True'},{'type':'PodScheduled','status':'True'}],
             'podIPs':[{'ip':'fd00::1'},{'ip':'10.0.0.1'}]}}
            """, result);
    }

    [Fact]
    public void Apply_PodDisruptionBudgetSelector_ReplacedWhole()
    {
        var pdb = Json.Object("{'spec':{'selector':{'matchLabels':{'a':'1'},'matchExpressions':[{'key':'b','operator':'Exists'}]}}}");

        var result = StrategicMergePatch.Apply(pdb, Json.Object("{'spec':{'selector':{'matchLabels':{'c':'3'}}}}"), PatchSchemas.For("policy", "PodDisruptionBudget"));

        Json.Equal("{'spec':{'selector':{'matchLabels':{'c':'3'}}}}", result);
    }

    private static JsonObject ApplyToDeployment(string patch) =>
        StrategicMergePatch.Apply(Json.Object(Deployment), Json.Bytes(patch), PatchSchemas.For("apps", "Deployment"));

    private static JsonNode Containers(JsonObject deployment) => deployment["spec"]!["template"]!["spec"]!["containers"]!;

    /// <summary>Follows a dotted path; <c>[]</c> steps into list items.</summary>
    private static StructuralSchema? Walk(StructuralSchema? schema, string path)
    {
        foreach (var segment in path.Split('.'))
        {
            var name = segment.EndsWith("[]", StringComparison.Ordinal) ? segment[..^2] : segment;
            schema = schema?.Properties is { } properties && properties.TryGetValue(name, out var next) ? next : null;
            if (segment.EndsWith("[]", StringComparison.Ordinal))
            {
                schema = schema?.Items;
            }
        }

        return schema;
    }
}
