using static SuperKube.Controllers.Apps.Tests.AppsObjects;

namespace SuperKube.Controllers.Apps.Tests;

public sealed class ReplicaSetsTests
{
    [Fact]
    public void SameTemplate_OnlyHashLabelDiffers_IsTrue()
    {
        var d = Deployment(3);
        var rs = Set("web-abc", 3);
        rs.Spec!.Template!.Metadata!.Labels![PodTemplateHash.Label] = "abc";

        Assert.True(ReplicaSets.SameTemplate(d, rs));
    }

    [Fact]
    public void SameTemplate_EmptyResourcesAddedByUndo_IsTrue()
    {
        var d = Deployment(3);
        d.Spec!.Template!.Spec!.Containers![0].Resources = new Model.Core.ResourceRequirements();
        d.Spec.Template.Spec.Volumes = [];

        Assert.True(ReplicaSets.SameTemplate(d, Set("web-abc", 3)));
    }

    [Fact]
    public void SameTemplate_ImageDiffers_IsFalse()
    {
        Assert.False(ReplicaSets.SameTemplate(Deployment(3), Set("web-abc", 3, image: "nginx:2")));
    }

    [Fact]
    public void FindNew_TwoMatchingSets_ReturnsTheOldest()
    {
        var d = Deployment(3);
        var older = Set("older", 1, minutesOld: 10);
        var newer = Set("newer", 1, minutesOld: 1);

        var found = ReplicaSets.FindNew(d, [newer, Set("other", 1, image: "nginx:2"), older]);

        Assert.Same(older, found);
    }

    [Fact]
    public void FindOld_WithNewSet_ReturnsAllOthers()
    {
        var newRs = Set("new", 1);

        var old = ReplicaSets.FindOld([newRs, Set("a", 0), Set("b", 2)], newRs);

        Assert.Equal(["a", "b"], old.Select(rs => rs.Metadata!.Name));
    }

    [Fact]
    public void MaxRevision_InvalidAndMissingAnnotations_CountAsZero()
    {
        var broken = Set("broken", 0);
        broken.Metadata!.Annotations![DeploymentAnnotations.Revision] = "x";

        Assert.Equal(7, ReplicaSets.MaxRevision([Set("a", 0, revision: 7), Set("b", 0, revision: 3), broken, Set("c", 0)]));
    }

    [Fact]
    public void Active_SetsWithoutReplicas_AreLeftOut()
    {
        Assert.Equal(["b"], ReplicaSets.Active([Set("a", 0), Set("b", 2), null]).Select(rs => rs.Metadata!.Name));
    }
}
