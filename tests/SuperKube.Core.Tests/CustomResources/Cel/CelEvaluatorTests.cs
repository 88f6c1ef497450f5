using System.Globalization;
using System.Text.Json.Nodes;

namespace SuperKube.CustomResources.Cel.Tests;

public sealed class CelEvaluatorTests
{
    private static readonly object? Self = CelValues.FromJson(JsonNode.Parse("""
        {"replicas":3,"maxReplicas":5,"name":"web-1","items":[1,2,3],"labels":{"app":"web"},"ratio":0.5,"empty":"","tags":["a","b"]}
        """), null);

    [Theory]
    // literals and arithmetic
    [InlineData("1 + 2 * 3", "7")]
    [InlineData("(1 + 2) * 3", "9")]
    [InlineData("7 / 2", "3")]
    [InlineData("-7 % 3", "-1")]
    [InlineData("1u + 2u", "3u")]
    [InlineData("0x10", "16")]
    [InlineData("1.5 + 2.0", "3.5")]
    [InlineData("-9223372036854775808", "-9223372036854775808")]
    [InlineData("'a\\tb' + \"c\"", "'a\tbc'")]
    [InlineData("r'a\\tb'", "'a\\tb'")]
    [InlineData("'''x'y'''", "'x'y'")]
    [InlineData("'\\u00e9\\x41'", "'éA'")]
    [InlineData("[1, 2] + [3]", "[1, 2, 3]")]
    [InlineData("{'a': 1}['a']", "1")]
    [InlineData("null", "null")]
    // errors of arithmetic
    [InlineData("9223372036854775807 + 1", "error: integer overflow")]
    [InlineData("-(-9223372036854775808)", "error: integer overflow")]
    [InlineData("0u - 1u", "error: integer overflow")]
    [InlineData("1 / 0", "error: division by zero")]
    [InlineData("1 % 0", "error: modulus by zero")]
    [InlineData("1 + 1.0", "error: no such overload: _+_(int, double)")]
    [InlineData("1.0 / 0.0 > 1.0", "true")]
    // comparisons
    [InlineData("1 < 2.5", "true")]
    [InlineData("1 == 1.0", "true")]
    [InlineData("2u > 1", "true")]
    [InlineData("-1 < 0u", "true")]
    [InlineData("'abc' < 'abd'", "true")]
    [InlineData("false < true", "true")]
    [InlineData("1 == 'a'", "false")]
    [InlineData("[1, 2] == [1, 2]", "true")]
    [InlineData("{'a': [1]} == {'a': [1]}", "true")]
    [InlineData("1 < 'a'", "error: no such overload: _<_(int, string)")]
    [InlineData("2 in [1, 2]", "true")]
    [InlineData("'app' in self.labels", "true")]
    // self, selection, index
    [InlineData("self.replicas <= self.maxReplicas", "true")]
    [InlineData("self.items[2]", "3")]
    [InlineData("self.items[3]", "error: index out of bounds: 3")]
    [InlineData("self.labels['app']", "'web'")]
    [InlineData("self.missing", "error: no such key: missing")]
    [InlineData("self.labels['x']", "error: no such key: x")]
    [InlineData("self.replicas.x", "error: type 'int' does not support field selection")]
    [InlineData("self.ratio * 2.0", "1")]
    // logic with error absorption
    [InlineData("false && self.missing", "false")]
    [InlineData("self.missing && false", "false")]
    [InlineData("true || self.missing", "true")]
    [InlineData("self.missing || true", "true")]
    [InlineData("self.missing || false", "error: no such key: missing")]
    [InlineData("true && 1", "error: no such overload: _&&_(bool, int)")]
    [InlineData("!true", "false")]
    [InlineData("self.replicas > 2 ? 'big' : 'small'", "'big'")]
    [InlineData("true ? 1 : self.missing", "1")]
    // has() and optionals
    [InlineData("has(self.labels)", "true")]
    [InlineData("has(self.labels.app) && !has(self.labels.tier)", "true")]
    [InlineData("has(self.replicas.x)", "error: invalid type for field selection: int")]
    [InlineData("self.?labels.?tier.orValue('none')", "'none'")]
    [InlineData("self.?labels.app.orValue('none')", "'web'")]
    [InlineData("self.?missing.hasValue()", "false")]
    [InlineData("self.labels[?'app'].value()", "'web'")]
    [InlineData("optional.none().value()", "error: optional.none() dereference")]
    // macros
    [InlineData("self.items.all(x, x > 0)", "true")]
    [InlineData("self.items.exists(x, x == 2)", "true")]
    [InlineData("self.items.exists_one(x, x > 1)", "false")]
    [InlineData("self.items.map(x, x * 2)", "[2, 4, 6]")]
    [InlineData("self.items.map(x, x > 1, x * 10)", "[20, 30]")]
    [InlineData("self.items.filter(x, x % 2 == 1)", "[1, 3]")]
    [InlineData("self.labels.all(k, k.startsWith('a'))", "true")]
    [InlineData("[0, 1].all(x, 1 / x < 0)", "false")]
    [InlineData("[1, 0].exists(x, 1 / x == 1)", "true")]
    [InlineData("[1, 0].all(x, 1 / x > 0)", "error: division by zero")]
    [InlineData("[1, 2].all(x, [3, 4].exists(y, y > x))", "true")]
    // strings and conversions
    [InlineData("size(self.name) == 5 && self.name.size() == 5", "true")]
    [InlineData("size('héllo')", "5")]
    [InlineData("size(self.items) + size(self.labels)", "4")]
    [InlineData("self.name.startsWith('web') && self.name.endsWith('-1') && self.name.contains('b-')", "true")]
    [InlineData("self.name.matches('^[a-z]+-[0-9]+$')", "true")]
    [InlineData("matches('abc', 'b')", "true")]
    [InlineData("'x'.matches('(')", "error: invalid regular expression")]
    [InlineData("'AbC'.lowerAscii() + 'AbC'.upperAscii()", "'abcABC'")]
    [InlineData("'  x '.trim()", "'x'")]
    [InlineData("int('42') + int(2.9) + int(3u)", "47")]
    [InlineData("int('x')", "error: cannot convert 'x' to int")]
    [InlineData("uint(-1)", "error: unsigned integer overflow")]
    [InlineData("double(1) + double('0.5')", "1.5")]
    [InlineData("string(12) + string(true) + string(1.5) + string(2u)", "'12true1.52'")]
    [InlineData("type(1) == int && type('a') == string && type(self.items) == list", "true")]
    [InlineData("1 + 'a'", "error: no such overload: _+_(int, string)")]
    public void Evaluate_Expression_GivesCelResult(string expression, string expected)
    {
        var program = CelParser.Parse(expression);
        CelChecker.Check(program, ["self"]);

        string actual;
        try
        {
            actual = Format(new CelEvaluator(CelValidator.RuleBudget).Evaluate(program, new Dictionary<string, object?> { ["self"] = Self }));
        }
        catch (CelException ex)
        {
            actual = "error: " + ex.Message;
        }

        if (expected.StartsWith("error: invalid regular expression", StringComparison.Ordinal))
        {
            Assert.StartsWith(expected, actual);
        }
        else
        {
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void Evaluate_HostileRule_StopsAtCostBudget()
    {
        var self = CelValues.FromJson(new JsonArray([.. Enumerable.Range(0, 300).Select(i => (JsonNode)i)]), null);
        var program = CelParser.Parse("self.all(x, self.all(y, self.all(z, x + y + z >= 0)))");

        var ex = Assert.Throws<CelException>(() => new CelEvaluator(CelValidator.RuleBudget).Evaluate(program, new Dictionary<string, object?> { ["self"] = self }));

        Assert.True(ex.Fatal);
        Assert.Equal("evaluation cost budget exceeded", ex.Message);
    }

    [Fact]
    public void Evaluate_CostBudgetExceeded_IsNotAbsorbedByOr()
    {
        var self = CelValues.FromJson(new JsonArray([.. Enumerable.Range(0, 300).Select(i => (JsonNode)i)]), null);
        var program = CelParser.Parse("true || self.all(x, self.all(y, true))");
        var slow = CelParser.Parse("self.all(x, self.all(y, self.all(z, true))) || true");
        var variables = new Dictionary<string, object?> { ["self"] = self };

        Assert.Equal(true, new CelEvaluator(CelValidator.RuleBudget).Evaluate(program, variables));
        Assert.True(Assert.Throws<CelException>(() => new CelEvaluator(CelValidator.RuleBudget).Evaluate(slow, variables)).Fatal);
    }

    private static string Format(object? value) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        ulong u => u.ToString(CultureInfo.InvariantCulture) + "u",
        double d => d.ToString(CultureInfo.InvariantCulture),
        string s => $"'{s}'",
        List<object?> list => "[" + string.Join(", ", list.Select(Format)) + "]",
        Dictionary<object, object?> map => "{" + string.Join(", ", map.Select(p => $"{Format(p.Key)}: {Format(p.Value)}")) + "}",
        CelOptional o => o.HasValue ? $"optional({Format(o.Value)})" : "optional.none()",
        _ => value.ToString() ?? "",
    };
}
