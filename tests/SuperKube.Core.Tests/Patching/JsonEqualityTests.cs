namespace SuperKube.Patching.Tests;

public sealed class JsonEqualityTests
{
    [Theory]
    [InlineData("1", "1.0")]
    [InlineData("1", "1e0")]
    [InlineData("-0.5", "-5e-1")]
    [InlineData("100000000000000000000000000000000000000000", "1e41")]
    [InlineData("'a'", "'a'")]
    [InlineData("null", "null")]
    [InlineData("{'a':1,'b':[true,null]}", "{'b':[true,null],'a':1.00}")]
    public void DeepEquals_EquivalentValues_ReturnsTrue(string left, string right)
    {
        Assert.True(JsonEquality.DeepEquals(Json.Parse(left), Json.Parse(right)));
    }

    [Theory]
    [InlineData("1", "'1'")]
    [InlineData("1", "1.5")]
    [InlineData("true", "false")]
    [InlineData("'a'", "'A'")]
    [InlineData("null", "{}")]
    [InlineData("[1,2]", "[2,1]")]
    [InlineData("{'a':1}", "{'a':1,'b':null}")]
    [InlineData("[]", "{}")]
    public void DeepEquals_DifferentValues_ReturnsFalse(string left, string right)
    {
        Assert.False(JsonEquality.DeepEquals(Json.Parse(left), Json.Parse(right)));
    }
}
