using System.Text.Json.Nodes;

namespace SuperKube.Apply.Tests;

public sealed class FieldSetTests
{
    private const string Sample = """
        {"f:metadata":{"f:labels":{".":{},"f:app":{}}},
         "f:spec":{"f:containers":{"k:{\"name\":\"nginx\"}":{".":{},"f:image":{},"f:name":{}}},
                   "f:finalizers":{"v:\"a\"":{}},"f:args":{"i:0":{}},"f:replicas":{}}}
        """;

    [Fact]
    public void ParseToJson_AllElementKinds_RoundTrips()
    {
        var set = FieldSet.Parse(JsonNode.Parse(Sample));

        var json = set.ToJson();

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Sample), json), json.ToJsonString());
    }

    [Fact]
    public void ToJson_Order_PutsSelfFirstThenFieldsKeysValuesIndices()
    {
        var set = FieldSet.Of(
            ["i:1"], ["v:\"x\""], ["k:{\"name\":\"a\"}"], ["f:b"], ["f:a"], ["f:a", "f:z"]);

        var keys = set.ToJson().Select(p => p.Key).ToArray();

        Assert.Equal(["f:a", "f:b", "k:{\"name\":\"a\"}", "v:\"x\"", "i:1"], keys);
        Assert.Equal(".", set.ToJson()["f:a"]!.AsObject().First().Key);
    }

    [Fact]
    public void Paths_Members_ListsParentsBeforeChildren()
    {
        var set = FieldSet.Parse(JsonNode.Parse("""{"f:metadata":{"f:labels":{".":{},"f:app":{}}},"f:spec":{"f:replicas":{}}}"""));

        var paths = set.Paths().Select(p => string.Join("/", p)).ToArray();

        Assert.Equal(["f:metadata/f:labels", "f:metadata/f:labels/f:app", "f:spec/f:replicas"], paths);
    }

    [Fact]
    public void Contains_NonMemberParent_IsFalseButContainsAtOrBelowIsTrue()
    {
        var set = FieldSet.Of(["f:spec", "f:replicas"]);

        Assert.False(set.Contains(["f:spec"]));
        Assert.True(set.ContainsAtOrBelow(["f:spec"]));
        Assert.True(set.Contains(["f:spec", "f:replicas"]));
        Assert.False(set.ContainsAtOrBelow(["f:status"]));
    }

    [Fact]
    public void SetOperations_TwoSets_BehaveAsOnPaths()
    {
        var left = FieldSet.Of(["f:a"], ["f:b", "f:c"], ["f:b", "f:d"]);
        var right = FieldSet.Of(["f:b", "f:c"], ["f:e"]);

        Assert.Equal("""{"f:a":{},"f:b":{"f:c":{},"f:d":{}},"f:e":{}}""", left.Union(right).ToString());
        Assert.Equal("""{"f:a":{},"f:b":{"f:d":{}}}""", left.Difference(right).ToString());
        Assert.Equal("""{"f:b":{"f:c":{}}}""", left.Intersect(right).ToString());
        Assert.True(left.Intersect(FieldSet.Of(["f:x"])).IsEmpty);
    }

    [Fact]
    public void RecursiveDifference_MemberPrefix_RemovesEverythingBelow()
    {
        var set = FieldSet.Of(["f:status", "f:replicas"], ["f:status"], ["f:spec", "f:replicas"]);

        var rest = set.RecursiveDifference(FieldSet.Of(["f:status"]));

        Assert.Equal("""{"f:spec":{"f:replicas":{}}}""", rest.ToString());
    }

    [Fact]
    public void SetEquals_SameMembersDifferentInsertOrder_IsTrue()
    {
        var left = FieldSet.Of(["f:a"], ["f:b", "f:c"]);
        var right = FieldSet.Of(["f:b", "f:c"], ["f:a"]);

        Assert.True(left.SetEquals(right));
        Assert.False(left.SetEquals(FieldSet.Of(["f:a"])));
    }

    [Theory]
    [InlineData("""{"x:bad":{}}""")]
    [InlineData("""{"f:a":1}""")]
    [InlineData("""{"k:notjson":{}}""")]
    [InlineData("""{"k:\"name\"":{}}""")]
    [InlineData("""{"k:{\"name\":\"a\"}x":{}}""")]
    [InlineData("""{"v:":{}}""")]
    [InlineData("""{"v:1 2":{}}""")]
    [InlineData("""[]""")]
    public void Parse_Malformed_Throws(string json)
    {
        Assert.Throws<FormatException>(() => FieldSet.Parse(JsonNode.Parse(json)));
    }

    [Fact]
    public void SetOperations_LeaveTheirOperandsUnchanged()
    {
        var left = FieldSet.Of(["f:spec", "f:replicas"], ["f:spec", "f:template", "f:metadata"], ["f:status"]);
        var right = FieldSet.Of(["f:spec", "f:template", "f:spec"], ["f:status"]);
        var (leftJson, rightJson) = (left.ToString(), right.ToString());

        var union = left.Union(right);
        var difference = union.Difference(FieldSet.Of(["f:spec", "f:replicas"]));
        _ = left.RecursiveDifference(FieldSet.Of(["f:spec"]));

        Assert.Equal("""{"f:spec":{"f:replicas":{},"f:template":{"f:metadata":{},"f:spec":{}}},"f:status":{}}""", union.ToString());
        Assert.Equal("""{"f:spec":{"f:template":{"f:metadata":{},"f:spec":{}}},"f:status":{}}""", difference.ToString());
        Assert.Equal(leftJson, left.ToString());
        Assert.Equal(rightJson, right.ToString());
        Assert.Same(left, left.Difference(FieldSet.Of(["f:metadata"])));
    }
}
