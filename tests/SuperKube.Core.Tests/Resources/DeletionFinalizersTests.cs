using System.Text.Json.Nodes;
using SuperKube.Registry;

namespace SuperKube.Resources.Tests;

public sealed class DeletionFinalizersTests
{
    private static readonly IReadOnlyList<ResourceType> Types = BuiltInResources.Create();

    [Theory]
    [InlineData("Foreground", "foregroundDeletion")]
    [InlineData("Orphan", "orphan")]
    public void ApplyPolicy_Policy_AddsItsFinalizerAndKeepsOthers(string policy, string expected)
    {
        var obj = Obj("""{"metadata":{"finalizers":["example.com/keep"]}}""");

        var changed = DeletionFinalizers.ApplyPolicy(Type("apps", "deployments"), obj, new DeleteOptions { PropagationPolicy = policy });

        Assert.True(changed);
        Assert.Equal($"""["example.com/keep","{expected}"]""", obj["metadata"]!["finalizers"]!.ToJsonString());
    }

    [Fact]
    public void ApplyPolicy_Background_RemovesGarbageCollectorFinalizers()
    {
        var obj = Obj("""{"metadata":{"finalizers":["orphan"]}}""");

        Assert.True(DeletionFinalizers.ApplyPolicy(Type("apps", "deployments"), obj, new DeleteOptions { PropagationPolicy = "Background" }));
        Assert.Null(obj["metadata"]!["finalizers"]);
    }

    [Fact]
    public void ApplyPolicy_NoPolicy_KeepsAnExistingChoiceOrUsesTheDefault()
    {
        var chosen = Obj("""{"metadata":{"finalizers":["foregroundDeletion"]}}""");
        var rc = Obj("""{"metadata":{}}""");
        var deployment = Obj("""{"metadata":{}}""");

        Assert.False(DeletionFinalizers.ApplyPolicy(Type("apps", "deployments"), chosen, new DeleteOptions()));
        Assert.True(DeletionFinalizers.ApplyPolicy(Type("", "replicationcontrollers"), rc, new DeleteOptions()));
        Assert.Equal("""["orphan"]""", rc["metadata"]!["finalizers"]!.ToJsonString());
        Assert.False(DeletionFinalizers.ApplyPolicy(Type("apps", "deployments"), deployment, new DeleteOptions()));
    }

    [Fact]
    public void Pending_NamespaceWithSpecFinalizers_IsPending()
    {
        var ns = Obj("""{"metadata":{},"spec":{"finalizers":["kubernetes"]}}""");

        Assert.True(DeletionFinalizers.Pending(Type("", "namespaces"), ns));
        Assert.False(DeletionFinalizers.Pending(Type("", "configmaps"), ns));
    }

    [Fact]
    public void MarkDeleting_Namespace_SetsPhaseTerminating()
    {
        var ns = Obj("""{"status":{"phase":"Active"}}""");

        DeletionFinalizers.MarkDeleting(Type("", "namespaces"), ns);

        Assert.Equal("Terminating", (string?)ns["status"]!["phase"]);
    }

    private static ResourceType Type(string group, string plural) => Types.First(t => t.Group == group && t.Plural == plural);

    private static JsonObject Obj(string json) => JsonNode.Parse(json)!.AsObject();
}
