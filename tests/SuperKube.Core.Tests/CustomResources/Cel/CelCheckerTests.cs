namespace SuperKube.CustomResources.Cel.Tests;

public sealed class CelCheckerTests
{
    [Theory]
    [InlineData("foo == 1", 0, "undeclared reference to 'foo' (in container '')")]
    [InlineData("self.x.all(i, j > 0)", 14, "undeclared reference to 'j' (in container '')")]
    [InlineData("self.name.indexOf('a') > 0", 10, "function 'indexOf' is not supported by this server")]
    [InlineData("quantity(self.q).isGreaterThan(quantity('1'))", 0, "function 'quantity' is not supported by this server")]
    [InlineData("sets.contains(self.a, self.b)", 5, "function 'sets.contains' is not supported by this server")]
    [InlineData("frobnicate(self)", 0, "undeclared reference to 'frobnicate' (in container '')")]
    [InlineData("self.startsWith()", 5, "found no matching overload for 'startsWith'")]
    [InlineData("size()", 0, "found no matching overload for 'size'")]
    public void Check_BadReference_IsRefusedAtItsPosition(string expression, int position, string message)
    {
        var ex = Assert.Throws<CelException>(() => CelChecker.Check(CelParser.Parse(expression), ["self", "oldSelf"]));

        Assert.StartsWith(message, ex.Message);
        Assert.Equal(position, ex.Position);
    }

    [Theory]
    [InlineData("self.a +", "Syntax error: mismatched input '<EOF>'")]
    [InlineData("self.a == 'x", "Syntax error: unterminated string literal")]
    [InlineData("b'abc' == self", "Syntax error: bytes literals are not supported by this server")]
    [InlineData("self # 1", "Syntax error: token recognition error at: '#'")]
    [InlineData("has(self)", "invalid argument to has() macro")]
    public void Parse_BadSyntax_Throws(string expression, string message)
    {
        var ex = Assert.Throws<CelException>(() => CelParser.Parse(expression));

        Assert.StartsWith(message, ex.Message);
    }

    [Fact]
    public void Parse_DeepNesting_IsRefusedNotStackOverflow()
    {
        var ex = Assert.Throws<CelException>(() => CelParser.Parse(new string('(', 5000) + "1" + new string(')', 5000)));

        Assert.Contains("nesting", ex.Message);
    }

    [Theory]
    [InlineData(100_000, "!")]
    [InlineData(100_000, "1 + ")]
    public void Parse_LongOperatorChain_IsRefusedNotStackOverflow(int count, string piece)
    {
        var ex = Assert.Throws<CelException>(() => CelParser.Parse(string.Concat(Enumerable.Repeat(piece, count)) + "1"));

        Assert.Contains("nesting exceeds the limit", ex.Message);
    }

    [Fact]
    public void Parse_ModestChains_Accepted() =>
        Assert.Equal(true, new CelEvaluator(1000).Evaluate(CelParser.Parse("!!!!true && 1 + 1 + 1 + 1 == 4 && --1 == 1"), new Dictionary<string, object?>()));

    [Fact]
    public void Check_OldSelf_IsReportedAsTransitionRule()
    {
        Assert.True(CelChecker.Check(CelParser.Parse("self == oldSelf"), ["self", "oldSelf"]));
        Assert.False(CelChecker.Check(CelParser.Parse("self.all(x, x > 0)"), ["self", "oldSelf"]));
    }
}
