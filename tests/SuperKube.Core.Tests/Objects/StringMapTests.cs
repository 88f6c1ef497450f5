namespace SuperKube.Objects.Tests;

public sealed class StringMapTests
{
    [Fact]
    public void From_Entries_LookupsAndEnumerationAsADictionary()
    {
        var map = StringMap.From([new("app", "web"), new("tier", "fe"), new("app", "api")]);

        Assert.Equal(2, map.Count);
        Assert.Equal("api", map["app"]);
        Assert.True(map.TryGetValue("tier", out var tier));
        Assert.Equal("fe", tier);
        Assert.False(map.ContainsKey("App"));
        Assert.False(map.TryGetValue("missing", out _));
        Assert.Equal(["app=api", "tier=fe"], map.Select(p => $"{p.Key}={p.Value}"));
        Assert.Equal(["app", "tier"], map.Keys);
        Assert.Throws<KeyNotFoundException>(() => map["missing"]);
    }

    [Fact]
    public void From_NullOrNoEntries_IsTheSharedEmptyMap()
    {
        Assert.Same(StringMap.Empty, StringMap.From(null));
        Assert.Same(StringMap.Empty, StringMap.From([]));
        Assert.Empty(StringMap.Empty);
    }
}
