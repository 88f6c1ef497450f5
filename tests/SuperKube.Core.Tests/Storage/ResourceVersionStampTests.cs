using System.Text;
using System.Text.Json;

namespace SuperKube.Storage.Tests;

public sealed class ResourceVersionStampTests
{
    [Theory]
    [InlineData("""{"metadata":{"name":"a","resourceVersion":"7"}}""", """{"metadata":{"name":"a","resourceVersion":"42"}}""")]
    [InlineData("""{"metadata":{"resourceVersion":7,"name":"a"}}""", """{"metadata":{"resourceVersion":"42","name":"a"}}""")]
    [InlineData("""{"metadata":{"resourceVersion":{"odd":[1]}}}""", """{"metadata":{"resourceVersion":"42"}}""")]
    [InlineData("""{ "metadata" : { "resourceVersion" : "" } }""", """{ "metadata" : { "resourceVersion" : "42" } }""")]
    public void Stamp_ResourceVersionPresent_ReplacesOnlyItsValue(string input, string expected)
    {
        var result = Stamp(input, 42);

        Assert.Equal(expected, result);
    }

    [Theory]
    [InlineData("""{"metadata":{"name":"a"}}""", """{"metadata":{"name":"a","resourceVersion":"42"}}""")]
    [InlineData("""{"metadata":{}}""", """{"metadata":{"resourceVersion":"42"}}""")]
    [InlineData("""{"metadata": { } }""", """{"metadata": { "resourceVersion":"42"} }""")]
    public void Stamp_ResourceVersionMissing_InsertsIt(string input, string expected)
    {
        var result = Stamp(input, 42);

        Assert.Equal(expected, result);
    }

    [Theory]
    [InlineData("""{"kind":"Pod"}""", """{"kind":"Pod","metadata":{"resourceVersion":"42"}}""")]
    [InlineData("""{}""", """{"metadata":{"resourceVersion":"42"}}""")]
    [InlineData("""{"metadata":null,"kind":"Pod"}""", """{"metadata":{"resourceVersion":"42"},"kind":"Pod"}""")]
    public void Stamp_MetadataMissing_AddsMetadata(string input, string expected)
    {
        var result = Stamp(input, 42);

        Assert.Equal(expected, result);
    }

    [Fact]
    public void Stamp_NestedResourceVersions_LeavesThemUntouched()
    {
        const string Input =
            """{"spec":{"metadata":{"resourceVersion":"1"},"resourceVersion":"2"},"metadata":{"labels":{"resourceVersion":"3"},"annotations":{"a":"\u00e9"}},"status":{"resourceVersion":"4"}}""";

        var result = Stamp(Input, 9000000000);

        Assert.Equal(Input.Replace("\"a\":\"\\u00e9\"}}", "\"a\":\"\\u00e9\"},\"resourceVersion\":\"9000000000\"}"), result);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("{\"metadata\":{\"name\":")]
    [InlineData("")]
    public void Stamp_NotAJsonObject_ThrowsJsonException(string input)
    {
        Assert.ThrowsAny<JsonException>(() => Stamp(input, 1));
    }

    private static string Stamp(string json, long revision) =>
        Encoding.UTF8.GetString(ResourceVersionStamp.Stamp(Encoding.UTF8.GetBytes(json), revision));
}
