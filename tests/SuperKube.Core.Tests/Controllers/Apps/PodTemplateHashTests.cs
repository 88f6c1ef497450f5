using static SuperKube.Controllers.Apps.Tests.AppsObjects;

namespace SuperKube.Controllers.Apps.Tests;

public sealed class PodTemplateHashTests
{
    [Fact]
    public void Compute_LabelsInAnotherOrder_SameHash()
    {
        var first = Template("nginx:1");
        first.Metadata!.Labels = new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" };
        var second = Template("nginx:1");
        second.Metadata!.Labels = new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" };

        Assert.Equal(PodTemplateHash.Compute(first, null), PodTemplateHash.Compute(second, null));
    }

    [Fact]
    public void Compute_DifferentImage_DifferentHash()
    {
        Assert.NotEqual(PodTemplateHash.Compute(Template("nginx:1"), null), PodTemplateHash.Compute(Template("nginx:2"), null));
    }

    [Fact]
    public void Compute_CollisionCount_ChangesTheHash()
    {
        var template = Template("nginx:1");

        Assert.NotEqual(PodTemplateHash.Compute(template, null), PodTemplateHash.Compute(template, 1));
        Assert.Equal(PodTemplateHash.Compute(template, 1), PodTemplateHash.Compute(template, 1));
    }

    [Fact]
    public void Compute_AnyTemplate_UsesOnlyTheSafeAlphabet()
    {
        var hash = PodTemplateHash.Compute(Template("nginx:1"), null);

        Assert.InRange(hash.Length, 1, 10);
        Assert.All(hash, c => Assert.Contains(c, "bcdfghjklmnpqrstvwxz2456789"));
    }

    [Fact]
    public void SafeEncode_Digits_MapByCharacterCode()
    {
        Assert.Equal("456789bcdf", PodTemplateHash.SafeEncode("0123456789"));
    }
}
