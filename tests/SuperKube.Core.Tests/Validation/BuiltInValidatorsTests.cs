using SuperKube.Registry;
using static SuperKube.Validation.Tests.TestObjects;

namespace SuperKube.Validation.Tests;

public sealed class BuiltInValidatorsTests
{
    [Theory]
    [InlineData("", "Pod")]
    [InlineData("", "Service")]
    [InlineData("", "ConfigMap")]
    [InlineData("", "Secret")]
    [InlineData("apps", "Deployment")]
    [InlineData("apps", "ReplicaSet")]
    [InlineData("apps", "StatefulSet")]
    [InlineData("apps", "DaemonSet")]
    [InlineData("batch", "Job")]
    [InlineData("batch", "CronJob")]
    [InlineData("rbac.authorization.k8s.io", "Role")]
    [InlineData("rbac.authorization.k8s.io", "ClusterRole")]
    [InlineData("rbac.authorization.k8s.io", "RoleBinding")]
    [InlineData("rbac.authorization.k8s.io", "ClusterRoleBinding")]
    public void For_ValidatedKind_HasValidator(string group, string kind) => Assert.NotNull(BuiltInValidators.For(group, kind));

    [Theory]
    [InlineData("", "Namespace")]
    [InlineData("", "Node")]
    [InlineData("coordination.k8s.io", "Lease")]
    public void For_KindWithoutRules_Null(string group, string kind) => Assert.Null(BuiltInValidators.For(group, kind));

    public static TheoryData<string, string, string> ValidObjects => new()
    {
        { "v1", "Pod", Pod().ToJsonString() },
        { "v1", "Service", Service().ToJsonString() },
        { "apps/v1", "Deployment", Deployment().ToJsonString() },
        { "batch/v1", "Job", Job().ToJsonString() },
        { "batch/v1", "CronJob", CronJob().ToJsonString() },
        { "v1", "Namespace", """{"metadata":{"name":"team-a"}}""" },
    };

    [Theory]
    [MemberData(nameof(ValidObjects))]
    public void Strategy_ValidObjectOfBuiltInResource_PassesWithZeroErrors(string apiVersion, string kind, string json)
    {
        var type = new ResourceRegistry(BuiltInResources.Create()).FindByKind(apiVersion, kind);

        Assert.NotNull(type);
        Assert.Empty(type.Strategy.Validate(Obj(json), null));
    }

    [Fact]
    public void Strategy_InvalidDeployment_ReportsMetadataAndKindErrorsTogether()
    {
        var type = new ResourceRegistry(BuiltInResources.Create()).FindByKind("apps/v1", "Deployment");
        var deploy = Deployment();
        deploy["metadata"]!["name"] = "Web";
        deploy["spec"]!["replicas"] = -1;

        var errors = type!.Strategy.Validate(deploy, null);

        Assert.Equal(["metadata.name", "spec.replicas"], errors.Select(e => e.Field));
    }

    [Fact]
    public void Strategy_PodUpdateChangingSpec_Forbidden()
    {
        var type = new ResourceRegistry(BuiltInResources.Create()).FindByKind("v1", "Pod");
        var updated = Pod();
        updated["spec"]!["restartPolicy"] = "Never";

        var error = Assert.Single(type!.Strategy.Validate(updated, Pod()));

        Assert.Equal("spec", error.Field);
        Assert.Equal("FieldValueForbidden", error.Reason);
        Assert.Contains("spec.restartPolicy", error.Detail);
    }
}
