using System.Text.Json.Nodes;
using SuperKube.Resources;
using static SuperKube.Apply.Tests.ApplyTestData;

namespace SuperKube.Apply.Tests;

public sealed class ManagedFieldsTrackerTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public void RecordCreate_Object_GivesTheCreatorAnUpdateEntry()
    {
        var obj = Json("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x","labels":{"a":"1"}},"data":{"k":"v"}}""");

        ManagedFieldsTracker.RecordCreate(ConfigMaps, obj, Context("kubectl-create"), Now);

        var entry = Entry(obj, "kubectl-create", "Update")!;
        Assert.Equal("v1", (string?)entry["apiVersion"]);
        Assert.Null(entry["subresource"]);
        Assert.Equal("""{"f:data":{".":{},"f:k":{}},"f:metadata":{"f:labels":{".":{},"f:a":{}}}}""", entry["fieldsV1"]!.ToJsonString());
    }

    [Fact]
    public void RecordUpdate_ChangedField_MovesOwnershipToTheWriter()
    {
        var old = Json("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"},"data":{"k":"v","j":"w"}}""");
        ManagedFieldsTracker.RecordCreate(ConfigMaps, old, Context("creator"), Now);
        var updated = old.DeepClone().AsObject();
        updated["data"]!["k"] = "changed";

        ManagedFieldsTracker.RecordUpdate(ConfigMaps, old, updated, "", Context("editor"), Now.AddMinutes(1));

        Assert.Equal("""{"f:data":{".":{},"f:j":{}}}""", Entry(updated, "creator", "Update")!["fieldsV1"]!.ToJsonString());
        var editor = Entry(updated, "editor", "Update")!;
        Assert.Equal("""{"f:data":{"f:k":{}}}""", editor["fieldsV1"]!.ToJsonString());
        Assert.Equal("2025-01-02T03:05:05Z", (string?)editor["time"]);
    }

    [Fact]
    public void RecordUpdate_NoChange_LeavesManagedFieldsAlone()
    {
        var old = Json("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"},"data":{"k":"v"}}""");
        ManagedFieldsTracker.RecordCreate(ConfigMaps, old, Context("creator"), Now);
        var updated = old.DeepClone().AsObject();

        ManagedFieldsTracker.RecordUpdate(ConfigMaps, old, updated, "", Context("editor"), Now.AddMinutes(1));

        Assert.True(JsonNode.DeepEquals(old, updated));
    }

    [Fact]
    public void RecordUpdate_StatusSubresource_RecordsTheSubresourceAndIgnoresSentManagedFields()
    {
        var old = Deployment();
        ManagedFieldsTracker.RecordCreate(Deployments, old, Context("creator"), Now);
        var updated = old.DeepClone().AsObject();
        updated["status"] = new JsonObject { ["replicas"] = 1 };
        ObjectMeta(updated)["managedFields"] = new JsonArray();

        ManagedFieldsTracker.RecordUpdate(Deployments, old, updated, "status", Context("controller"), Now);

        Assert.NotNull(Entry(updated, "creator", "Update"));
        var status = Entry(updated, "controller", "Update")!;
        Assert.Equal("status", (string?)status["subresource"]);
        Assert.Equal("""{"f:status":{"f:replicas":{}}}""", status["fieldsV1"]!.ToJsonString());
    }

    [Fact]
    public void RecordUpdate_MainResourceIgnoresStatusOfKindsWithAStatusSubresource()
    {
        var old = Deployment();
        var updated = old.DeepClone().AsObject();
        updated["status"] = new JsonObject { ["replicas"] = 1 };

        ManagedFieldsTracker.RecordUpdate(Deployments, old, updated, "", Context("editor"), Now);

        Assert.Null(ObjectMeta(updated)["managedFields"]);
    }

    [Fact]
    public void RecordUpdate_ExplicitManagedFields_ReplaceTheStoredOnes()
    {
        var old = Json("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"},"data":{"k":"v"}}""");
        ManagedFieldsTracker.RecordCreate(ConfigMaps, old, Context("kubectl-client-side-apply"), Now);
        var migrated = old.DeepClone().AsObject();
        var entry = migrated["metadata"]!["managedFields"]![0]!.AsObject();
        entry["manager"] = "kubectl";
        entry["operation"] = "Apply";

        ManagedFieldsTracker.RecordUpdate(ConfigMaps, old, migrated, "", Context("kubectl-patch"), Now);

        Assert.NotNull(Entry(migrated, "kubectl", "Apply"));
        Assert.Null(Entry(migrated, "kubectl-client-side-apply", "Update"));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("[{}]")]
    public void RecordUpdate_ResetManagedFields_ClearsThem(string reset)
    {
        var old = Json("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"},"data":{"k":"v"}}""");
        ManagedFieldsTracker.RecordCreate(ConfigMaps, old, Context("creator"), Now);
        var updated = old.DeepClone().AsObject();
        ObjectMeta(updated)["managedFields"] = JsonNode.Parse(reset);

        ManagedFieldsTracker.RecordUpdate(ConfigMaps, old, updated, "", Context("editor"), Now);

        Assert.Null(ObjectMeta(updated)["managedFields"]);
    }

    [Fact]
    public void RecordCreate_ApplyContext_LeavesManagedFieldsToTheApply()
    {
        var obj = ServerSideApply.Apply(Deployments, null, Deployment(), "", "kubectl", false, Now);
        var before = obj.DeepClone();

        ManagedFieldsTracker.RecordCreate(Deployments, obj, Context("kubectl").ForApply(), Now);

        Assert.True(JsonNode.DeepEquals(before, obj));
    }

    private static WriteContext Context(string manager) =>
        new() { User = Security.UserInfo.Internal, FieldManager = manager };

    private static JsonObject ObjectMeta(JsonObject obj) => obj["metadata"]!.AsObject();
}
