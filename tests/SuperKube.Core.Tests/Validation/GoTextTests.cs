using System.Text.Json.Nodes;

namespace SuperKube.Validation.Tests;

public sealed class GoTextTests
{
    [Theory]
    [InlineData("web", "\"web\"")]
    [InlineData("a\"b\\c", "\"a\\\"b\\\\c\"")]
    [InlineData("line\nnext\u0001", "\"line\\nnext\\x01\"")]
    public void Quote_EscapesLikeGo(string value, string expected) => Assert.Equal(expected, GoText.Quote(value));

    [Fact]
    public void StringMap_SortsKeys() =>
        Assert.Equal("map[string]string{\"a\":\"1\", \"b\":\"2\"}", GoText.StringMap(TestObjects.Obj("""{"b":"2","a":"1"}""")));

    [Fact]
    public void StringMap_Null_IsNilMap() => Assert.Equal("map[string]string(nil)", GoText.StringMap(null));

    [Fact]
    public void LabelSelector_PrintsLikeGoStruct() =>
        Assert.Equal(
            "v1.LabelSelector{MatchLabels:map[string]string{\"app\":\"web\"}, MatchExpressions:[]v1.LabelSelectorRequirement{" +
            "v1.LabelSelectorRequirement{Key:\"tier\", Operator:\"In\", Values:[]string{\"fe\"}}}}",
            GoText.LabelSelector(TestObjects.Obj("""{"matchLabels":{"app":"web"},"matchExpressions":[{"key":"tier","operator":"In","values":["fe"]}]}""")));

    [Fact]
    public void Value_ScalarsAndObjects()
    {
        Assert.Equal("-1", GoText.Value(JsonValue.Create(-1)));
        Assert.Equal("\"x\"", GoText.Value(JsonValue.Create("x")));
        Assert.Equal("null", GoText.Value(null));
        Assert.Equal("{\"a\":1}", GoText.Value(TestObjects.Obj("""{"a":1}""")));
    }
}
