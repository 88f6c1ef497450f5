using static SuperKube.Controllers.Apps.Tests.AppsObjects;

namespace SuperKube.Controllers.Apps.Tests;

public sealed class DeploymentAnnotationsTests
{
    [Fact]
    public void CopyToReplicaSet_DeploymentAnnotations_CopiesAllButDeploymentOwnedOnes()
    {
        var d = Deployment(3);
        d.Metadata!.Annotations = new Dictionary<string, string>
        {
            ["kubernetes.io/change-cause"] = "kubectl set image",
            [DeploymentAnnotations.LastAppliedConfiguration] = "{}",
            [DeploymentAnnotations.Revision] = "9",
        };
        var rs = Set("rs", 3);

        var changed = DeploymentAnnotations.CopyToReplicaSet(d, rs);

        Assert.True(changed);
        Assert.Equal("kubectl set image", rs.Metadata!.Annotations!["kubernetes.io/change-cause"]);
        Assert.False(rs.Metadata.Annotations.ContainsKey(DeploymentAnnotations.LastAppliedConfiguration));
        Assert.False(rs.Metadata.Annotations.ContainsKey(DeploymentAnnotations.Revision));
    }

    [Fact]
    public void SetNewReplicaSetAnnotations_NewSet_SetsRevisionAndReplicaAnnotations()
    {
        var d = Deployment(4);
        var rs = Set("rs", 0);

        DeploymentAnnotations.SetNewReplicaSetAnnotations(d, rs, 1, exists: false, maxSurge: 1);

        var annotations = rs.Metadata!.Annotations!;
        Assert.Equal(("1", "4", "5"), (annotations[DeploymentAnnotations.Revision], annotations[DeploymentAnnotations.DesiredReplicas], annotations[DeploymentAnnotations.MaxReplicas]));
    }

    [Fact]
    public void SetNewReplicaSetAnnotations_RolledBackToOldSet_RaisesRevisionAndKeepsHistory()
    {
        var d = Deployment(3);
        var rs = Set("rs", 0, revision: 1);

        var changed = DeploymentAnnotations.SetNewReplicaSetAnnotations(d, rs, 3, exists: true, maxSurge: 1);

        Assert.True(changed);
        Assert.Equal("3", rs.Metadata!.Annotations![DeploymentAnnotations.Revision]);
        Assert.Equal("1", rs.Metadata.Annotations[DeploymentAnnotations.RevisionHistory]);
        Assert.False(rs.Metadata.Annotations.ContainsKey(DeploymentAnnotations.DesiredReplicas));
    }

    [Fact]
    public void SetNewReplicaSetAnnotations_CurrentRevision_ChangesNothing()
    {
        var d = Deployment(3);
        var rs = Set("rs", 3, revision: 2);

        Assert.False(DeploymentAnnotations.SetNewReplicaSetAnnotations(d, rs, 2, exists: true, maxSurge: 1));
    }
}
