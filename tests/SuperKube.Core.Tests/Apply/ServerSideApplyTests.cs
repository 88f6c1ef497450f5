using System.Text.Json.Nodes;
using SuperKube.Api;
using static SuperKube.Apply.Tests.ApplyTestData;

namespace SuperKube.Apply.Tests;

public sealed class ServerSideApplyTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public void Apply_NoLiveObject_ReturnsConfigWithOneApplyEntry()
    {
        var result = ServerSideApply.Apply(Deployments, null, Deployment(), "", "kubectl", force: false, Now);

        Assert.Equal(1, (int?)result["spec"]!["replicas"]);
        var entries = result["metadata"]!["managedFields"]!.AsArray();
        var entry = Assert.Single(entries)!.AsObject();
        Assert.Equal("kubectl", (string?)entry["manager"]);
        Assert.Equal("Apply", (string?)entry["operation"]);
        Assert.Equal("apps/v1", (string?)entry["apiVersion"]);
        Assert.Equal("2025-01-02T03:04:05Z", (string?)entry["time"]);
        Assert.Equal("FieldsV1", (string?)entry["fieldsType"]);
        var fields = FieldSet.Parse(entry["fieldsV1"]);
        Assert.True(fields.Contains(Path("f:spec", "f:replicas")));
        Assert.True(fields.Contains(Path("f:metadata", "f:labels", "f:app")));
        Assert.False(fields.ContainsAtOrBelow(Path("f:metadata", "f:name")));
        Assert.False(fields.ContainsAtOrBelow(Path("f:apiVersion")));
    }

    [Fact]
    public void Apply_OtherApplierChangesOwnedField_ThrowsConflictNamingOwnerAndField()
    {
        var live = ServerSideApply.Apply(Deployments, null, Deployment(replicas: 1), "", "kubectl", false, Now);

        var error = Assert.Throws<ApiException>(() =>
            ServerSideApply.Apply(Deployments, live, Deployment(replicas: 2), "", "other", force: false, Now));

        Assert.Equal(409, error.Code);
        Assert.Equal("Conflict", error.Reason);
        Assert.Equal("Apply failed with 1 conflict: conflict with \"kubectl\": .spec.replicas", error.Message);
        var cause = Assert.Single(error.Details!["causes"]!.AsArray())!;
        Assert.Equal("FieldManagerConflict", (string?)cause["reason"]);
        Assert.Equal("conflict with \"kubectl\"", (string?)cause["message"]);
        Assert.Equal(".spec.replicas", (string?)cause["field"]);
    }

    [Fact]
    public void Apply_SameValuesByOtherManager_SharesOwnershipWithoutConflict()
    {
        var live = ServerSideApply.Apply(Deployments, null, Deployment(), "", "kubectl", false, Now);

        var result = ServerSideApply.Apply(Deployments, live, Deployment(), "", "other", force: false, Now);

        var kubectl = FieldSet.Parse(Entry(result, "kubectl")!["fieldsV1"]);
        var other = FieldSet.Parse(Entry(result, "other")!["fieldsV1"]);
        Assert.True(kubectl.Contains(Path("f:spec", "f:replicas")));
        Assert.True(other.Contains(Path("f:spec", "f:replicas")));
    }

    [Fact]
    public void Apply_Force_TransfersOwnershipOfContestedFields()
    {
        var live = ServerSideApply.Apply(Deployments, null, Deployment(replicas: 1), "", "kubectl", false, Now);

        var result = ServerSideApply.Apply(Deployments, live, Deployment(replicas: 5), "", "other", force: true, Now);

        Assert.Equal(5, (int?)result["spec"]!["replicas"]);
        var kubectl = FieldSet.Parse(Entry(result, "kubectl")!["fieldsV1"]);
        var other = FieldSet.Parse(Entry(result, "other")!["fieldsV1"]);
        Assert.False(kubectl.Contains(Path("f:spec", "f:replicas")));
        Assert.True(kubectl.Contains(Path("f:metadata", "f:labels", "f:app")));
        Assert.True(other.Contains(Path("f:spec", "f:replicas")));
    }

    [Fact]
    public void Apply_FieldLeftOut_IsRemovedUnlessAnotherManagerOwnsIt()
    {
        var live = ServerSideApply.Apply(Deployments, null, Deployment(extraLabels: ",\"tier\":\"fe\",\"team\":\"a\""), "", "kubectl", false, Now);
        var shared = ServerSideApply.Apply(Deployments, live, Json("""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"team":"a"}}}
            """), "", "labeler", false, Now);

        var result = ServerSideApply.Apply(Deployments, shared, Deployment(), "", "kubectl", false, Now);

        var labels = result["metadata"]!["labels"]!.AsObject();
        Assert.False(labels.ContainsKey("tier"));
        Assert.Equal("a", (string?)labels["team"]);
        Assert.Equal("web", (string?)labels["app"]);
    }

    [Fact]
    public void Apply_ContainerLeftOut_RemovesTheListElement()
    {
        var two = Deployment();
        two["spec"]!["template"]!["spec"]!["containers"]!.AsArray().Add(new JsonObject { ["name"] = "sidecar", ["image"] = "busybox" });
        var live = ServerSideApply.Apply(Deployments, null, two, "", "kubectl", false, Now);

        var result = ServerSideApply.Apply(Deployments, live, Deployment(), "", "kubectl", false, Now);

        var containers = result["spec"]!["template"]!["spec"]!["containers"]!.AsArray();
        Assert.Equal("nginx", (string?)Assert.Single(containers)!["name"]);
    }

    [Fact]
    public void Apply_ListTypeMapElement_MergesIntoTheLiveElement()
    {
        var live = Deployment();
        live["spec"]!["template"]!["spec"]!["containers"]![0]!["imagePullPolicy"] = "Always";

        var result = ServerSideApply.Apply(Deployments, live, Deployment(image: "nginx:1.27"), "", "kubectl", force: true, Now);

        var container = result["spec"]!["template"]!["spec"]!["containers"]![0]!;
        Assert.Equal("nginx:1.27", (string?)container["image"]);
        Assert.Equal("Always", (string?)container["imagePullPolicy"]);
    }

    [Fact]
    public void Apply_LiveWithoutManagedFields_ConflictsWithBeforeFirstApply()
    {
        var live = Deployment(replicas: 1);

        var error = Assert.Throws<ApiException>(() => ServerSideApply.Apply(Deployments, live, Deployment(replicas: 2), "", "kubectl", false, Now));

        Assert.Equal("Apply failed with 1 conflict: conflict with \"before-first-apply\" using apps/v1: .spec.replicas", error.Message);
    }

    [Fact]
    public void Apply_ConfigWithManagedFields_IsBadRequest()
    {
        var config = Deployment();
        config["metadata"]!["managedFields"] = new JsonArray();

        var error = Assert.Throws<ApiException>(() => ServerSideApply.Apply(Deployments, null, config, "", "kubectl", false, Now));

        Assert.Equal(400, error.Code);
        Assert.Equal("metadata.managedFields must be nil", error.Message);
    }

    [Fact]
    public void Apply_WrongApiVersion_IsBadRequest()
    {
        var config = Deployment();
        config["apiVersion"] = "apps/v1beta1";

        var error = Assert.Throws<ApiException>(() => ServerSideApply.Apply(Deployments, null, config, "", "kubectl", false, Now));

        Assert.Equal("Incorrect version specified in apply patch. Specified patch version: apps/v1beta1, expected: apps/v1", error.Message);
    }

    [Fact]
    public void Apply_NoChange_KeepsTheEntryTime()
    {
        var live = ServerSideApply.Apply(Deployments, null, Deployment(), "", "kubectl", false, Now);

        var again = ServerSideApply.Apply(Deployments, live, Deployment(), "", "kubectl", false, Now.AddHours(1));

        Assert.True(JsonNode.DeepEquals(live, again));
    }
}
