using static SuperKube.Apply.Tests.ApplyTestData;

namespace SuperKube.Apply.Tests;

public sealed class ObjectComparisonTests
{
    private static readonly Schema.StructuralSchema? DeploymentSchema = SchemaShape.For(Deployments);

    [Fact]
    public void Compare_NewLabelsMap_AddsTheMapNodeButNotStructs()
    {
        var before = Json("""{"metadata":{"name":"web"},"spec":{"replicas":1}}""");
        var after = Json("""{"metadata":{"name":"web","labels":{"a":"1"}},"spec":{"replicas":1}}""");

        var changes = ObjectComparison.Compare(before, after, DeploymentSchema);

        Assert.Equal("""{"f:metadata":{"f:labels":{".":{},"f:a":{}}}}""", changes.Added.ToString());
        Assert.True(changes.Removed.IsEmpty);
        Assert.True(changes.Modified.IsEmpty);
    }

    [Fact]
    public void Compare_ChangedLeafAndRemovedElement_AreModifiedAndRemoved()
    {
        var before = Deployment(replicas: 1);
        var after = Deployment(replicas: 3);
        after["spec"]!["template"]!["spec"]!["containers"] = new System.Text.Json.Nodes.JsonArray();

        var changes = ObjectComparison.Compare(before, after, DeploymentSchema);

        Assert.Equal("""{"f:spec":{"f:replicas":{}}}""", changes.Modified.ToString());
        var container = Path("f:spec", "f:template", "f:spec", "f:containers", "k:{\"name\":\"nginx\"}");
        Assert.True(changes.Removed.Contains(container));
        Assert.True(changes.Removed.Contains([.. container, "f:image"]));
    }

    [Fact]
    public void Compare_FromNothing_AddsEveryLeafAndListElement()
    {
        var changes = ObjectComparison.Compare(null, Deployment(), DeploymentSchema);

        Assert.True(changes.Added.Contains(Path("f:spec", "f:replicas")));
        Assert.True(changes.Added.Contains(Path("f:spec", "f:selector")));
        Assert.True(changes.Added.Contains(Path("f:spec", "f:template", "f:spec", "f:containers", "k:{\"name\":\"nginx\"}")));
        Assert.False(changes.Added.Contains(Path("f:spec")));
    }
}
