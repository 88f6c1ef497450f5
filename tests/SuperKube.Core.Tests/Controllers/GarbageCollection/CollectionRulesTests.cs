using SuperKube.Client;

namespace SuperKube.Controllers.GarbageCollection.Tests;

public sealed class CollectionRulesTests
{
    [Fact]
    public void ForDependent_OneSolidOwner_KeepsIt()
    {
        var pod = Node("p", Owner("rs1"), Owner("rs2"));

        var action = CollectionRules.ForDependent(pod, new Dictionary<string, OwnerState> { ["rs1"] = OwnerState.Solid, ["rs2"] = OwnerState.Solid }, false);

        Assert.Equal(DependentActionKind.None, action.Kind);
    }

    [Fact]
    public void ForDependent_SolidAndDanglingOwners_RemovesOnlyTheDanglingReference()
    {
        var pod = Node("p", Owner("rs1"), Owner("gone"));

        var action = CollectionRules.ForDependent(pod, new Dictionary<string, OwnerState> { ["rs1"] = OwnerState.Solid, ["gone"] = OwnerState.Dangling }, false);

        Assert.Equal(DependentActionKind.RemoveOwnerReferences, action.Kind);
        Assert.Equal(["gone"], action.OwnerUidsToRemove);
    }

    [Fact]
    public void ForDependent_AllOwnersGone_DeletesInTheBackground()
    {
        var rs = Node("rs", Owner("deploy"));

        var action = CollectionRules.ForDependent(rs, new Dictionary<string, OwnerState> { ["deploy"] = OwnerState.Dangling }, hasDependents: true);

        Assert.Equal(DependentActionKind.Delete, action.Kind);
        Assert.Equal("Background", action.PropagationPolicy);
    }

    [Fact]
    public void ForDependent_OwnerWaitsAndItemHasDependents_DeletesInTheForeground()
    {
        var rs = Node("rs", Owner("deploy"));

        var action = CollectionRules.ForDependent(rs, new Dictionary<string, OwnerState> { ["deploy"] = OwnerState.WaitingForDependents }, hasDependents: true);

        Assert.Equal("Foreground", action.PropagationPolicy);
    }

    [Fact]
    public void ForDependent_OwnerWaitsAndItemHasNoDependents_DeletesInTheBackground()
    {
        var pod = Node("p", Owner("rs"));

        var action = CollectionRules.ForDependent(pod, new Dictionary<string, OwnerState> { ["rs"] = OwnerState.WaitingForDependents }, hasDependents: false);

        Assert.Equal(DependentActionKind.Delete, action.Kind);
        Assert.Equal("Background", action.PropagationPolicy);
    }

    [Fact]
    public void ForDependent_AlreadyDeletingOrUnowned_DoesNothing()
    {
        var deleting = Node("p", Owner("rs")) with { Deleting = true };

        Assert.Equal(DependentActionKind.None, CollectionRules.ForDependent(deleting, new Dictionary<string, OwnerState> { ["rs"] = OwnerState.Dangling }, false).Kind);
        Assert.Equal(DependentActionKind.None, CollectionRules.ForDependent(Node("q"), new Dictionary<string, OwnerState>(), false).Kind);
    }

    [Fact]
    public void IsBlocked_OnlyReferencesWithBlockOwnerDeletionBlock()
    {
        var owner = Node("rs");
        var blocking = Node("p1", Owner("rs", block: true));
        var loose = Node("p2", Owner("rs", block: false));

        Assert.True(CollectionRules.IsBlocked(owner, [loose, blocking]));
        Assert.False(CollectionRules.IsBlocked(owner, [loose]));
        Assert.False(CollectionRules.IsBlocked(owner, []));
    }

    internal static GraphNode Node(string uid, params OwnerLink[] owners) =>
        new(ApiResource.Pods, "ns", uid, uid, owners, false, []);

    internal static OwnerLink Owner(string uid, bool block = true) => new("apps/v1", "ReplicaSet", uid, uid, block);
}
