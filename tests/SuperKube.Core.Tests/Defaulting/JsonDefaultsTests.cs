using System.Text.Json.Nodes;

namespace SuperKube.Defaulting.Tests;

public sealed class JsonDefaultsTests
{
    [Theory]
    [InlineData("{}", true)]
    [InlineData("""{"k":null}""", true)]
    [InlineData("""{"k":""}""", true)]
    [InlineData("""{"k":0}""", true)]
    [InlineData("""{"k":"x"}""", false)]
    [InlineData("""{"k":5}""", false)]
    [InlineData("""{"k":false}""", false)]
    [InlineData("""{"k":{}}""", false)]
    public void IsZero_Value_MatchesGoZeroValue(string json, bool expected)
    {
        var obj = JsonNode.Parse(json)!.AsObject();

        var zero = JsonDefaults.IsZero(obj["k"]);

        Assert.Equal(expected, zero);
    }

    [Fact]
    public void IsZero_ZeroCreatedInCode_IsZero()
    {
        Assert.True(JsonDefaults.IsZero(JsonValue.Create(0)));
    }

    [Fact]
    public void SetIfMissing_ZeroValuePresent_KeepsIt()
    {
        var obj = new JsonObject { ["replicas"] = 0, ["name"] = "" };

        JsonDefaults.SetIfMissing(obj, "replicas", 1);
        JsonDefaults.SetIfMissing(obj, "name", "x");
        JsonDefaults.SetIfMissing(obj, "absent", 2);

        DefaultingAssert.Equal("""{"replicas":0,"name":"","absent":2}""", obj);
    }

    [Fact]
    public void SetIfZero_ZeroValuePresent_ReplacesIt()
    {
        var obj = new JsonObject { ["timeout"] = 0, ["policy"] = "", ["kept"] = "v" };

        JsonDefaults.SetIfZero(obj, "timeout", 1);
        JsonDefaults.SetIfZero(obj, "policy", "Always");
        JsonDefaults.SetIfZero(obj, "kept", "other");

        DefaultingAssert.Equal("""{"timeout":1,"policy":"Always","kept":"v"}""", obj);
    }

    [Fact]
    public void Obj_AbsentKey_CreatesAndReturnsSameObject()
    {
        var obj = new JsonObject();

        var child = JsonDefaults.Obj(obj, "spec");
        child["a"] = 1;

        Assert.Same(child, JsonDefaults.Obj(obj, "spec"));
        DefaultingAssert.Equal("""{"spec":{"a":1}}""", obj);
    }
}
