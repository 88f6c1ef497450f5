using System.Text.Json.Nodes;

namespace SuperKube.Defaulting.Tests;

/// <summary>Runs a built-in defaulter on JSON text and compares the outcome with the expected JSON.</summary>
internal static class DefaultingAssert
{
    public static JsonObject Apply(string group, string kind, string json)
    {
        var defaulter = BuiltInDefaulters.For(group, kind);
        Assert.NotNull(defaulter);
        var obj = JsonNode.Parse(json)!.AsObject();
        defaulter(obj);
        return obj;
    }

    /// <summary>Asserts the defaulted input equals <paramref name="expected"/>, and that defaulting again changes nothing.</summary>
    public static void Defaults(string group, string kind, string input, string expected)
    {
        var actual = Apply(group, kind, input);
        Equal(expected, actual);

        BuiltInDefaulters.For(group, kind)!(actual);
        Equal(expected, actual);
    }

    public static void Equal(string expected, JsonNode? actual)
    {
        var expectedNode = JsonNode.Parse(expected);
        Assert.True(
            JsonNode.DeepEquals(expectedNode, actual),
            $"Expected {expectedNode?.ToJsonString()}{Environment.NewLine}but got  {actual?.ToJsonString()}");
    }
}
