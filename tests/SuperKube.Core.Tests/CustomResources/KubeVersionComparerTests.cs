namespace SuperKube.CustomResources.Tests;

public sealed class KubeVersionComparerTests
{
    [Fact]
    public void Compare_MixedVersions_KubernetesPriorityOrder()
    {
        string[] versions = ["foo1", "v1alpha1", "v1beta1", "v1", "v2", "v11alpha2", "v10beta3", "v1beta2", "foo10", "v10"];

        var sorted = versions.Order(KubeVersionComparer.Instance);

        Assert.Equal(["v10", "v2", "v1", "v10beta3", "v1beta2", "v1beta1", "v11alpha2", "v1alpha1", "foo1", "foo10"], sorted);
    }
}
