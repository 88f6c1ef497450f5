using static SuperKube.Scheduling.Tests.SchedulingTestData;

namespace SuperKube.Scheduling.Plugins.Tests;

public sealed class ImageLocalityTests
{
    [Fact]
    public void Score_NodeWithLargeImage_ScoresAboveNodeWithout()
    {
        const string image = """[{"names":["busybox:latest"],"sizeBytes":524288000}]""";
        var cache = Snapshot(Node("has", images: image), Node("lacks"));

        var scores = Scores(new ImageLocality(), cache, Pod("p"));

        Assert.True(scores["has"] > 0);
        Assert.Equal(0, scores["lacks"]);
    }

    [Fact]
    public void Score_SmallImage_BelowThreshold_ScoresZero()
    {
        var cache = Snapshot(Node("has", images: """[{"names":["busybox:latest"],"sizeBytes":1048576}]"""));

        Assert.Equal(0, Scores(new ImageLocality(), cache, Pod("p"))["has"]);
    }

    [Theory]
    [InlineData("nginx", "nginx:latest")]
    [InlineData("nginx:1.27", "nginx:1.27")]
    [InlineData("registry:5000/app", "registry:5000/app:latest")]
    [InlineData("app@sha256:abc", "app@sha256:abc")]
    public void Normalize_AddsLatestOnlyWithoutTag(string image, string expected) => Assert.Equal(expected, ImageLocality.Normalize(image));
}
