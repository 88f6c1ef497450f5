using System.Text.Json.Nodes;
using SuperKube.Validation;

namespace SuperKube.Admission.LimitRanger.Tests;

public sealed class LimitRangeConstraintsTests
{
    private static readonly JsonObject Item = JsonNode.Parse("""{"type":"Container","min":{"memory":"64Mi"},"max":{"cpu":"1"},"maxLimitRequestRatio":{"cpu":"2"}}""")!.AsObject();

    [Fact]
    public void Check_WithinBounds_NoErrors()
    {
        Assert.Empty(LimitRangeConstraints.Check(Item, "Container", Map("""{"cpu":"500m","memory":"64Mi"}"""), Map("""{"cpu":"1","memory":"128Mi"}""")));
    }

    [Fact]
    public void Check_MissingValues_UpstreamMessages()
    {
        var errors = LimitRangeConstraints.Check(Item, "Container", Map("{}"), Map("{}")).ToList();

        Assert.Equal(
            [
                "minimum memory usage per Container is 64Mi.  No request is specified",
                "maximum cpu usage per Container is 1.  No limit is specified",
                "cpu max limit to request ratio per Container is 2, but no request is specified or request is 0",
            ],
            errors);
    }

    [Fact]
    public void Check_RequestAboveMaxAndLimitBelowMin_Reported()
    {
        var errors = LimitRangeConstraints.Check(Item, "Pod", Map("""{"cpu":"2","memory":"64Mi"}"""), Map("""{"cpu":"1","memory":"32Mi"}""")).ToList();

        Assert.Equal(
            [
                "minimum memory usage per Pod is 64Mi, but limit is 32Mi",
                "maximum cpu usage per Pod is 1, but request is 2",
            ],
            errors);
    }

    [Fact]
    public void CheckClaim_OnlyRequestsCount()
    {
        var item = JsonNode.Parse("""{"type":"PersistentVolumeClaim","min":{"storage":"1Gi"},"max":{"storage":"5Gi"}}""")!.AsObject();

        Assert.Equal(["minimum storage usage per PersistentVolumeClaim is 1Gi, but request is 500Mi"], LimitRangeConstraints.CheckClaim(item, Map("""{"storage":"500Mi"}""")));
        Assert.Equal(["maximum storage usage per PersistentVolumeClaim is 5Gi, but request is 10Gi"], LimitRangeConstraints.CheckClaim(item, Map("""{"storage":"10Gi"}""")));
        Assert.Empty(LimitRangeConstraints.CheckClaim(item, Map("""{"storage":"2Gi"}""")));
    }

    private static QuantityMap Map(string json) => QuantityMap.Read(JsonNode.Parse(json)!.AsObject());
}
