namespace SuperKube.Patching.Tests;

public sealed class JsonPointerTests
{
    [Theory]
    [InlineData("", new string[0])]
    [InlineData("/", new[] { "" })]
    [InlineData("/a/b", new[] { "a", "b" })]
    [InlineData("/metadata/annotations/kubectl.kubernetes.io~1last-applied-configuration", new[] { "metadata", "annotations", "kubectl.kubernetes.io/last-applied-configuration" })]
    [InlineData("/~01/~10", new[] { "~1", "/0" })]
    public void Parse_ValidPointer_UnescapesTokens(string pointer, string[] expected)
    {
        Assert.Equal(expected, JsonPointer.Parse(pointer));
    }

    [Theory]
    [InlineData("a")]
    [InlineData("/a~")]
    [InlineData("/a~2")]
    public void Parse_InvalidPointer_ThrowsInvalid(string pointer)
    {
        var error = Assert.Throws<PatchException>(() => JsonPointer.Parse(pointer));

        Assert.Equal(PatchErrorReason.Invalid, error.Reason);
    }

    [Theory]
    [InlineData("0", 3, false, 0)]
    [InlineData("2", 3, false, 2)]
    [InlineData("3", 3, true, 3)]
    [InlineData("-", 3, true, 3)]
    public void ArrayIndex_InRange_ReturnsIndex(string token, int count, bool allowEnd, int expected)
    {
        Assert.Equal(expected, JsonPointer.ArrayIndex(token, count, allowEnd, "/l/" + token));
    }

    [Theory]
    [InlineData("3", 3, false)]
    [InlineData("4", 3, true)]
    [InlineData("-", 3, false)]
    [InlineData("01", 3, true)]
    [InlineData("+1", 3, true)]
    [InlineData("", 3, true)]
    [InlineData("99999999999", 3, true)]
    public void ArrayIndex_BadOrOutOfRange_ThrowsInvalid(string token, int count, bool allowEnd)
    {
        Assert.Throws<PatchException>(() => JsonPointer.ArrayIndex(token, count, allowEnd, "/l/" + token));
    }
}
