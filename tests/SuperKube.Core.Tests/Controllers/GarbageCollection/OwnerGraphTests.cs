using SuperKube.Client;
using static SuperKube.Controllers.GarbageCollection.Tests.CollectionRulesTests;

namespace SuperKube.Controllers.GarbageCollection.Tests;

public sealed class OwnerGraphTests
{
    [Fact]
    public void Observe_NewObjectWithOwners_IsProcessedAndIndexedUnderItsOwner()
    {
        var graph = new OwnerGraph();

        var work = graph.Observe(Node("p", Owner("rs")));

        Assert.Equal(["p"], work);
        Assert.Equal("p", Assert.Single(graph.DependentsOf("rs")).Uid);
    }

    [Fact]
    public void Observe_UnchangedOwners_NeedsNoLook()
    {
        var graph = new OwnerGraph();
        graph.Observe(Node("p", Owner("rs")));

        Assert.Empty(graph.Observe(Node("p", Owner("rs"))));
    }

    [Fact]
    public void Observe_OwnerStartsForegroundDeletion_ProcessesItAndItsDependents()
    {
        var graph = new OwnerGraph();
        graph.Observe(Node("rs"));
        graph.Observe(Node("p1", Owner("rs")));
        graph.Observe(Node("p2", Owner("rs")));

        var work = graph.Observe(Node("rs") with { Deleting = true, Finalizers = ["foregroundDeletion"] });

        Assert.Equal(["p1", "p2", "rs"], work.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Forget_Owner_ProcessesItsDependents()
    {
        var graph = new OwnerGraph();
        graph.Observe(Node("rs", Owner("deploy")));
        graph.Observe(Node("p", Owner("rs")));

        var work = graph.Forget("rs");

        Assert.Equal(["deploy", "p"], work.Order(StringComparer.Ordinal));
        Assert.Null(graph.Get("rs"));
        Assert.Empty(graph.DependentsOf("deploy"));
    }

    [Fact]
    public void Observe_OwnerReferenceDropped_UnlinksAndProcessesTheOldOwner()
    {
        var graph = new OwnerGraph();
        graph.Observe(Node("p", Owner("rs")));

        var work = graph.Observe(Node("p"));

        Assert.Equal(["rs"], work);
        Assert.Empty(graph.DependentsOf("rs"));
    }

    [Fact]
    public void Replace_Relist_ForgetsObjectsOfThatResourceThatAreGone()
    {
        var graph = new OwnerGraph();
        graph.Observe(Node("rs"));
        graph.Observe(Node("p1", Owner("rs")));
        graph.Observe(Node("p2", Owner("rs")));

        var work = graph.Replace(ApiResource.Pods, [Node("p1", Owner("rs"))]);

        Assert.Contains("rs", work);
        Assert.Null(graph.Get("p2"));
        Assert.Equal("p1", Assert.Single(graph.DependentsOf("rs")).Uid);
    }
}
