using System.Text.Json.Nodes;

namespace SuperKube.Tables.Tests;

public class JsonValuesTests
{
    private static readonly JsonObject Sample = TableTestData.Parse("""
        {"a":{"b":"text","n":5,"f":2.0,"t":true,"arr":[{"x":1},"s",null,{"x":2}],"map":{"k":"v","z":1,"o":{}}}}
        """);

    [Fact]
    public void Str_Scalars_ReturnTextOfStringsNumbersAndBooleans()
    {
        Assert.Equal("text", JsonValues.Str(Sample, "a", "b"));
        Assert.Equal("5", JsonValues.Str(Sample, "a", "n"));
        Assert.Equal("true", JsonValues.Str(Sample, "a", "t"));
        Assert.Null(JsonValues.Str(Sample, "a", "arr"));
        Assert.Null(JsonValues.Str(Sample, "a", "b", "deeper"));
    }

    [Fact]
    public void Int_NumbersOrDefault()
    {
        Assert.Equal(5, JsonValues.Int(Sample, "a", "n"));
        Assert.Equal(2, JsonValues.Int(Sample, "a", "f"));
        Assert.Equal(0, JsonValues.Int(Sample, "a", "b"));
        Assert.Null(JsonValues.IntOrNull(Sample, "missing"));
        Assert.Equal(7, JsonValues.Int(new JsonObject { ["clr"] = 7 }, "clr"));
    }

    [Fact]
    public void Objects_SkipsNonObjectItems()
    {
        var items = JsonValues.ObjectList(Sample, "a", "arr");

        Assert.Equal([1L, 2L], items.Select(i => JsonValues.Int(i, "x")));
        Assert.Empty(JsonValues.ObjectList(Sample, "a", "b"));
        Assert.Equal(4, JsonValues.Count(Sample, "a", "arr"));
    }

    [Fact]
    public void StringMap_SortedScalarValuesOnly()
    {
        var map = JsonValues.StringMap(Sample, "a", "map");

        Assert.Equal(["k=v", "z=1"], map.Select(p => p.Key + "=" + p.Value));
    }

    [Fact]
    public void Bool_OnlyJsonBooleans()
    {
        Assert.True(JsonValues.Bool(Sample, "a", "t"));
        Assert.False(JsonValues.Bool(Sample, "a", "b"));
        Assert.Null(JsonValues.BoolOrNull(Sample, "a", "n"));
    }
}
