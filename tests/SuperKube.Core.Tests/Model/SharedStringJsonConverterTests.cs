using System.Text.Json;
using SuperKube.Model.Core;

namespace SuperKube.Model.Tests;

public sealed class SharedStringJsonConverterTests
{
    [Fact]
    public void Deserialize_RepeatedShortValues_ShareOneInstance()
    {
        const string json = """{"metadata":{"name":"a","namespace":"team-a","labels":{"app":"web"}},"spec":{"nodeName":"node-7"}}""";

        var first = JsonSerializer.Deserialize(json, ModelTypeInfo.For<Pod>())!;
        var second = JsonSerializer.Deserialize(json, ModelTypeInfo.For<Pod>())!;

        Assert.Same(first.Metadata!.Namespace, second.Metadata!.Namespace);
        Assert.Same(first.Spec!.NodeName, second.Spec!.NodeName);
        Assert.Same(first.Metadata.Labels!.Keys.Single(), second.Metadata.Labels!.Keys.Single());
        Assert.Same(first.Metadata.Labels["app"], second.Metadata.Labels["app"]);
    }

    [Theory]
    [InlineData("""{"metadata":{"name":"caf\u00e9","namespace":"n\"q"}}""", "café", "n\"q")]
    [InlineData("""{"metadata":{"name":"日本","namespace":"ns"}}""", "日本", "ns")]
    public void Deserialize_EscapedOrNonAsciiValues_ReadExactly(string json, string name, string ns)
    {
        for (var i = 0; i < 2; i++)
        {
            var pod = JsonSerializer.Deserialize(json, ModelTypeInfo.For<Pod>())!;
            Assert.Equal(name, pod.Metadata!.Name);
            Assert.Equal(ns, pod.Metadata.Namespace);
        }
    }

    [Fact]
    public void Deserialize_ValuesWithTheSameHashSlot_AreNeverConfused()
    {
        var names = Enumerable.Range(0, 50_000).Select(i => $"pod-{i}").ToList();

        var read = names.Select(n => JsonSerializer.Deserialize("{\"metadata\":{\"name\":\"" + n + "\"}}", ModelTypeInfo.For<Pod>())!.Metadata!.Name!).ToList();

        Assert.Equal(names, read);
    }

    [Fact]
    public void Serialize_RoundTripsStringsAndMapKeys()
    {
        const string json = """{"metadata":{"name":"a","labels":{"k\u00fc":"v"}}}""";

        var pod = JsonSerializer.Deserialize(json, ModelTypeInfo.For<Pod>())!;

        Assert.Equal("v", pod.Metadata!.Labels!["kü"]);
        Assert.Contains("\"labels\":{\"k\\u00FC\":\"v\"}", JsonSerializer.Serialize(pod, ModelTypeInfo.For<Pod>()), StringComparison.Ordinal);
    }
}
