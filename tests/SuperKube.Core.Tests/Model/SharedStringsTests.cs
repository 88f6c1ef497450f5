using System.Text;
using System.Text.Json;

namespace SuperKube.Model.Tests;

public sealed class SharedStringsTests
{
    [Fact]
    public void Share_EqualShortValue_ReturnsTheInstanceReadBefore()
    {
        var reader = new Utf8JsonReader("\"share-me-7\""u8);
        reader.Read();
        var read = SharedStrings.Read(ref reader);

        var shared = SharedStrings.Share(new StringBuilder("share-").Append("me-7").ToString());

        Assert.Same(read, shared);
    }

    [Fact]
    public void Share_ValuesWithTheSameSlot_AreNeverConfused()
    {
        var values = Enumerable.Range(0, 50_000).Select(i => $"node-{i}").ToList();

        var shared = values.Select(SharedStrings.Share).ToList();

        Assert.Equal(values, shared);
    }

    [Theory]
    [InlineData("日本")]
    [InlineData("a-value-longer-than-a-hundred-and-twenty-eight-characters-is-returned-as-it-is-and-not-kept-in-the-table-because-such-values-are-rarely-repeated")]
    public void Share_LongOrNonAsciiValue_IsReturnedAsIs(string value)
    {
        var copy = new string(value.AsSpan());

        Assert.Same(copy, SharedStrings.Share(copy));
    }
}
