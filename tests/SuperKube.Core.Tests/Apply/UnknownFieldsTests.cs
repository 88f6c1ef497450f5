using System.Text.Json.Nodes;
using static SuperKube.Apply.Tests.ApplyTestData;

namespace SuperKube.Apply.Tests;

public sealed class UnknownFieldsTests
{
    private static readonly Schema.StructuralSchema? DeploymentSchema = SchemaShape.For(Deployments);

    [Fact]
    public void Find_UndeclaredFields_ReportsDottedPathsWithIndices()
    {
        var obj = Deployment();
        obj["spec"]!["foo"] = 1;
        obj["spec"]!["template"]!["metadata"]!.AsObject()["bogus"] = true;

        var found = UnknownFields.Find(obj, DeploymentSchema);

        Assert.Equal(["spec.template.metadata.bogus", "spec.foo"], found);
    }

    [Fact]
    public void Find_FieldInPartlyModelledType_IsKept()
    {
        var obj = Deployment();
        obj["spec"]!["template"]!["spec"]!["containers"]![0]!["resizePolicy"] = new JsonArray();

        Assert.Empty(UnknownFields.Find(obj, DeploymentSchema));
    }

    [Fact]
    public void Find_MapKeysAndKnownFields_ReportsNothing()
    {
        var obj = Deployment(extraLabels: ",\"anything.example.com/x\":\"y\"");

        Assert.Empty(UnknownFields.Find(obj, DeploymentSchema));
    }

    [Fact]
    public void Find_FieldAlreadyStored_IsTolerated()
    {
        var stored = Deployment();
        stored["spec"]!["legacy"] = 1;
        var obj = stored.DeepClone().AsObject();
        obj["spec"]!["fresh"] = 2;

        var found = UnknownFields.Find(obj, DeploymentSchema, stored);

        Assert.Equal(["spec.fresh"], found);
    }

    [Fact]
    public void Find_NoSchema_AcceptsEverything()
    {
        Assert.Empty(UnknownFields.Find(Json("""{"spec":{"whatever":1}}"""), null));
    }
}
