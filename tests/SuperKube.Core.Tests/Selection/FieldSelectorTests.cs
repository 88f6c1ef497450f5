namespace SuperKube.Selection.Tests;

public sealed class FieldSelectorTests
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["metadata.name"] = "web",
        ["status.phase"] = "Running",
        ["spec.nodeName"] = "",
        ["odd"] = "x,y=z\\w",
    };

    [Theory]
    [InlineData("", true)]
    [InlineData("metadata.name=web", true)]
    [InlineData("metadata.name==web", true)]
    [InlineData("metadata.name=db", false)]
    [InlineData("metadata.name!=db", true)]
    [InlineData("metadata.name!=web", false)]
    [InlineData("metadata.name=web,status.phase=Running", true)]
    [InlineData("metadata.name=web,status.phase!=Running", false)]
    [InlineData("spec.nodeName=", true)]
    [InlineData("spec.missing=", true)]
    [InlineData("spec.missing!=", false)]
    [InlineData("metadata.name=web,,status.phase=Running", true)]
    [InlineData(@"odd=x\,y\=z\\w", true)]
    public void TryParse_ValidSelector_MatchesFields(string selector, bool expected)
    {
        var parsed = FieldSelector.TryParse(selector, out var result, out var error);

        Assert.True(parsed, error);
        Assert.Equal(expected, result.Matches(f => Fields.GetValueOrDefault(f)));
    }

    [Theory]
    [InlineData("abc", "invalid selector: 'abc'; can't understand 'abc'")]
    [InlineData("a=b,abc", "invalid selector: 'a=b,abc'; can't understand 'abc'")]
    [InlineData(@"a=x\q", @"invalid field selector: invalid escape sequence: \q")]
    [InlineData(@"a=x\", @"invalid field selector: invalid escape sequence: \")]
    [InlineData("metadata.name!==hldr", "invalid field selector: unescaped character in value: 61")]
    [InlineData("a=b=c", "invalid field selector: unescaped character in value: 61")]
    public void TryParse_InvalidSelector_ReturnsTheRealServersMessage(string selector, string expected)
    {
        var parsed = FieldSelector.TryParse(selector, out _, out var error);

        Assert.False(parsed);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void TryParse_EscapedValue_UnescapesAndKeepsTheTermWhole()
    {
        FieldSelector.TryParse(@"b=1,a!=x\,y", out var selector, out _);

        Assert.Equal(2, selector.Requirements.Count);
        Assert.Equal(new FieldRequirement("a", FieldOperator.NotEquals, "x,y"), selector.Requirements[0]);
        Assert.Equal(new FieldRequirement("b", FieldOperator.Equals, "1"), selector.Requirements[1]);
        Assert.Equal(@"a!=x\,y,b=1", selector.ToString());
    }

    [Fact]
    public void FindUnsupported_UnknownField_ReturnsBadRequestMessage()
    {
        FieldSelector.TryParse("metadata.name=a,spec.foo=bar", out var selector, out _);

        var message = selector.FindUnsupported(f => f is "metadata.name" or "metadata.namespace");

        Assert.Equal("field label not supported: spec.foo", message);
    }

    [Fact]
    public void FindUnsupported_KnownFields_ReturnsNull()
    {
        FieldSelector.TryParse("metadata.name=a", out var selector, out _);

        Assert.Null(selector.FindUnsupported(f => f == "metadata.name"));
    }

    [Fact]
    public void TryGetExactMatch_PinnedField_ReturnsValue()
    {
        FieldSelector.TryParse("spec.nodeName=n1,metadata.name!=x", out var selector, out _);

        Assert.True(selector.TryGetExactMatch("spec.nodeName", out var node));
        Assert.Equal("n1", node);
        Assert.False(selector.TryGetExactMatch("metadata.name", out _));
    }

    [Fact]
    public void Escape_SpecialCharacters_RoundTrips()
    {
        var text = "f=" + FieldSelector.Escape(@"a,b=c\d");

        FieldSelector.TryParse(text, out var selector, out _);

        Assert.Equal(@"a,b=c\d", selector.Requirements[0].Value);
    }
}
