using System.Text.Json.Nodes;
using static SuperKube.Validation.Tests.TestObjects;

namespace SuperKube.Validation.Tests;

public sealed class WorkloadValidatorTests
{
    [Fact]
    public void Deployment_Valid_NoErrors() => Assert.Empty(WorkloadValidator.Deployment(Deployment(), null));

    [Fact]
    public void Deployment_SelectorMissing_Required()
    {
        var deploy = Deployment();
        deploy["spec"]!.AsObject().Remove("selector");

        Assert.Equal("spec.selector: Required value", Lines(WorkloadValidator.Deployment(deploy, null)));
    }

    [Fact]
    public void Deployment_EmptySelector_InvalidWithGoStruct()
    {
        var deploy = Deployment();
        deploy["spec"]!["selector"] = new JsonObject();

        Assert.Equal(
            "spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), " +
            "MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment",
            Lines(WorkloadValidator.Deployment(deploy, null)));
    }

    [Fact]
    public void Deployment_TemplateLabelsDoNotMatch_RealServerMessage()
    {
        var deploy = Deployment();
        deploy["spec"]!["template"]!["metadata"]!["labels"] = new JsonObject { ["app"] = "other" };

        Assert.Equal(
            "spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"other\"}: `selector` does not match template `labels`",
            Lines(WorkloadValidator.Deployment(deploy, null)));
    }

    [Fact]
    public void Deployment_NegativeReplicas_RealServerMessage()
    {
        var deploy = Deployment();
        deploy["spec"]!["replicas"] = -1;

        Assert.Equal("spec.replicas: Invalid value: -1: must be greater than or equal to 0", Lines(WorkloadValidator.Deployment(deploy, null)));
    }

    [Fact]
    public void Deployment_TemplateProblems_PrefixedWithTemplatePath()
    {
        var deploy = Deployment();
        deploy["spec"]!["template"]!["spec"]!["containers"]![0]!.AsObject().Remove("image");
        deploy["spec"]!["template"]!["spec"]!["restartPolicy"] = "Never";
        deploy["spec"]!["template"]!["spec"]!["activeDeadlineSeconds"] = 5;

        Assert.Equal(
            """
            spec.template.spec.containers[0].image: Required value
            spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"
            spec.template.spec.activeDeadlineSeconds: Invalid value: 5: activeDeadlineSeconds in ReplicaSet is not Supported
            """.ReplaceLineEndings("\n"),
            Lines(WorkloadValidator.Deployment(deploy, null)));
    }

    [Fact]
    public void Deployment_BadSelectorExpression_ReportsOperatorAndValues()
    {
        var deploy = Deployment();
        deploy["spec"]!["selector"] = JsonNode.Parse("""{"matchExpressions":[{"key":"app","operator":"Is"},{"key":"app","operator":"In"}]}""");

        var lines = Lines(WorkloadValidator.Deployment(deploy, null)).Split('\n');

        Assert.Equal("spec.selector.matchExpressions[0].operator: Invalid value: \"Is\": not a valid selector operator", lines[0]);
        Assert.Equal("spec.selector.matchExpressions[1].values: Required value: must be specified when `operator` is 'In' or 'NotIn'", lines[1]);
        Assert.StartsWith("spec.selector: Invalid value: v1.LabelSelector{", lines[2]);
        Assert.EndsWith(": invalid label selector", lines[2]);
    }

    [Fact]
    public void Deployment_ZeroSurgeAndUnavailable_Invalid()
    {
        var deploy = Deployment();
        deploy["spec"]!["strategy"]!["rollingUpdate"] = JsonNode.Parse("""{"maxSurge":0,"maxUnavailable":"0%"}""");

        Assert.Equal("spec.strategy.rollingUpdate.maxUnavailable: Invalid value: \"0%\": may not be 0 when `maxSurge` is 0",
            Lines(WorkloadValidator.Deployment(deploy, null)));
    }

    [Fact]
    public void Deployment_UpdateReplicasAndImage_Accepted()
    {
        var updated = Deployment();
        updated["spec"]!["replicas"] = 5;
        updated["spec"]!["template"]!["spec"]!["containers"]![0]!["image"] = "nginx:2";

        Assert.Empty(WorkloadValidator.Deployment(updated, Deployment()));
    }

    [Fact]
    public void Deployment_UpdateSelector_Immutable()
    {
        var updated = Deployment();
        updated["spec"]!["selector"]!["matchLabels"]!["tier"] = "fe";

        Assert.Equal(
            "spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{\"app\":\"web\", \"tier\":\"fe\"}, " +
            "MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable",
            Lines(WorkloadValidator.Deployment(updated, Deployment())));
    }

    [Fact]
    public void ReplicaSet_EmptySelector_SaysDeploymentLikeTheRealServer()
    {
        var rs = Deployment();
        rs["spec"]!["selector"] = new JsonObject();

        Assert.EndsWith("empty selector is invalid for deployment", Lines(WorkloadValidator.ReplicaSet(rs, null)));
    }

    [Fact]
    public void DaemonSet_ValidAndEmptySelector()
    {
        var ds = Deployment();
        ds["spec"]!.AsObject().Remove("replicas");
        ds["spec"]!.AsObject().Remove("strategy");
        Assert.Empty(WorkloadValidator.DaemonSet(ds, null));

        ds["spec"]!["selector"] = new JsonObject();

        Assert.EndsWith("empty selector is invalid for daemonset", Lines(WorkloadValidator.DaemonSet(ds, null)));
    }

    [Fact]
    public void StatefulSet_UpdateReplicasAndTemplate_Accepted()
    {
        var updated = StatefulSet();
        updated["spec"]!["replicas"] = 1;
        updated["spec"]!["template"]!["spec"]!["containers"]![0]!["image"] = "db:2";

        Assert.Empty(WorkloadValidator.StatefulSet(updated, StatefulSet()));
    }

    [Fact]
    public void StatefulSet_UpdateVolumeClaimTemplates_Forbidden()
    {
        var updated = StatefulSet();
        updated["spec"]!["volumeClaimTemplates"] = JsonNode.Parse("""[{"metadata":{"name":"data"}}]""");

        Assert.Equal(
            "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', " +
            "'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
            Lines(WorkloadValidator.StatefulSet(updated, StatefulSet())));
    }

    [Fact]
    public void StatefulSet_BadPodManagementPolicy_Invalid()
    {
        var sts = StatefulSet();
        sts["spec"]!["podManagementPolicy"] = "Random";

        Assert.Equal("spec.podManagementPolicy: Invalid value: \"Random\": must be 'OrderedReady' or 'Parallel'",
            Lines(WorkloadValidator.StatefulSet(sts, null)));
    }

    private static JsonObject StatefulSet() => Obj("""
        {"metadata":{"name":"db"},
         "spec":{"replicas":3,"serviceName":"db","selector":{"matchLabels":{"app":"db"}},
                 "template":{"metadata":{"labels":{"app":"db"}},"spec":{"containers":[{"name":"db","image":"db:1"}]}}}}
        """);
}
