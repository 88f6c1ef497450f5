using System.Text.Json.Nodes;

namespace SuperKube.Patching.Tests;

/// <summary>Test helpers: JSON written with single quotes for readability, and structural assertions.</summary>
internal static class Json
{
    /// <summary>Parses JSON written with <c>'</c> instead of <c>"</c>.</summary>
    public static JsonNode? Parse(string json) => JsonNode.Parse(json.Replace('\'', '"'));

    public static JsonObject Object(string json) => (JsonObject)Parse(json)!;

    public static byte[] Bytes(string json) => System.Text.Encoding.UTF8.GetBytes(json.Replace('\'', '"'));

    /// <summary>Asserts deep equality (object member order ignored, array order significant).</summary>
    public static void Equal(string expected, JsonNode? actual)
    {
        var expectedNode = Parse(expected);
        Assert.True(
            JsonEquality.DeepEquals(expectedNode, actual),
            $"expected {expectedNode?.ToJsonString() ?? "null"}\n  actual {actual?.ToJsonString() ?? "null"}");
    }
}
