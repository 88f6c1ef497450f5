using System.Text.Json.Nodes;

namespace SuperKube.Selection.Tests;

public sealed class LabelSelectorTests
{
    private const string KeyRegexMessage =
        "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character " +
        "(e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

    [Theory]
    [InlineData("", "", true)]
    [InlineData("", "a=1", true)]
    [InlineData("a=1", "a=1", true)]
    [InlineData("a=1", "a=2", false)]
    [InlineData("a=1", "", false)]
    [InlineData("a==1", "a=1", true)]
    [InlineData("a==1", "a=2", false)]
    [InlineData("a!=1", "a=2", true)]
    [InlineData("a!=1", "", true)]
    [InlineData("a!=1", "a=1", false)]
    [InlineData("a in (1,2)", "a=2", true)]
    [InlineData("a in (1,2)", "a=3", false)]
    [InlineData("a in (1,2)", "", false)]
    [InlineData("a notin (1,2)", "a=3", true)]
    [InlineData("a notin (1,2)", "", true)]
    [InlineData("a notin (1,2)", "a=1", false)]
    [InlineData("a", "a=", true)]
    [InlineData("a", "b=1", false)]
    [InlineData("!a", "b=1", true)]
    [InlineData("!a", "a=1", false)]
    [InlineData("a>5", "a=6", true)]
    [InlineData("a>5", "a=5", false)]
    [InlineData("a>5", "a=x", false)]
    [InlineData("a>5", "", false)]
    [InlineData("a<5", "a=4", true)]
    [InlineData("a<5", "a=5", false)]
    [InlineData("a=", "a=", true)]
    [InlineData("a=", "a=x", false)]
    [InlineData("a in ()", "a=", true)]
    [InlineData("a in (in,notin)", "a=notin", true)]
    [InlineData("  a = 1 ,\tb in ( x , y ) ,!c ", "a=1,b=y", true)]
    [InlineData("  a = 1 ,\tb in ( x , y ) ,!c ", "a=1,b=y,c=1", false)]
    [InlineData("x in (foo,,baz),y,z notin ()", "x=,y=1", true)]
    [InlineData("example.com/tier=web,app", "example.com/tier=web,app=x", true)]
    public void TryParse_ValidSelector_MatchesLabelsAsTheRealServer(string selector, string labels, bool expected)
    {
        var parsed = LabelSelector.TryParse(selector, out var result, out var error);

        Assert.True(parsed, error);
        Assert.Equal(expected, result.Matches(Labels(labels)));
        Assert.Equal(expected, result.Matches(LabelsJson(labels)));
    }

    [Theory]
    [InlineData("a b", "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt")]
    [InlineData("a=1,", "found '', expected: identifier after ','")]
    [InlineData(",a", "found ',', expected: !, identifier, or 'end of string'")]
    [InlineData("a=1 b=2", "found 'b', expected: ',' or 'end of string'")]
    [InlineData("a in 1", "unable to parse requirement: found '1' expected: '('")]
    [InlineData("a in (1", "unable to parse requirement: found '', expected: ',' or ')'")]
    [InlineData("a in (=)", "unable to parse requirement: found '=', expected: ',', ')' or identifier")]
    [InlineData("a=(", "unable to parse requirement: found '(', expected: identifier")]
    [InlineData("!", "unable to parse requirement: found '', expected: identifier")]
    [InlineData("!a=b", "found '=', expected: ',' or 'end of string'")]
    [InlineData("environment>qa", "unable to parse requirement: values[0]: Invalid value: \"qa\": for 'Gt', 'Lt' operators, the value must be an integer")]
    [InlineData("app:monolith", "unable to parse requirement: <nil>: Invalid value: \"app:monolith\": name part " + KeyRegexMessage)]
    [InlineData("a/b/c=d", "unable to parse requirement: <nil>: Invalid value: \"a/b/c\": a qualified name " + KeyRegexMessage +
        " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')")]
    public void TryParse_InvalidSelector_ReturnsTheRealServersMessage(string selector, string expected)
    {
        var parsed = LabelSelector.TryParse(selector, out _, out var error);

        Assert.False(parsed);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void TryParse_InvalidValue_ReportsValuePathWithKey()
    {
        var parsed = LabelSelector.TryParse("app=demo-{nginx}", out _, out var error);

        Assert.False(parsed);
        Assert.StartsWith("unable to parse requirement: values[0][app]: Invalid value: \"demo-{nginx}\": a valid label must be an empty string", error);
        Assert.EndsWith("regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')", error);
    }

    [Fact]
    public void TryParse_SeveralRequirements_SortsByKeyAndRoundTrips()
    {
        LabelSelector.TryParse("b notin (y,x),a=1,!c,d", out var selector, out _);

        Assert.Equal(["a", "b", "c", "d"], selector.Requirements.Select(r => r.Key));
        Assert.Equal(["x", "y"], selector.Requirements[1].Values);
        Assert.Equal("a=1,b notin (x,y),!c,d", selector.ToString());
    }

    [Fact]
    public void TryParse_EmptyString_SelectsEverything()
    {
        LabelSelector.TryParse("", out var selector, out _);

        Assert.True(selector.IsEmpty);
        Assert.True(selector.Matches((JsonObject?)null));
    }

    [Fact]
    public void FromJson_MatchLabelsAndExpressions_AllMustHold()
    {
        var selector = LabelSelector.FromJson(Obj("""
            {"matchLabels":{"app":"web"},
             "matchExpressions":[{"key":"tier","operator":"In","values":["fe","be"]},
                                 {"key":"canary","operator":"DoesNotExist"},
                                 {"key":"env","operator":"NotIn","values":["prod"]},
                                 {"key":"team","operator":"Exists"}]}
            """));

        Assert.True(selector.Matches(Labels("app=web,tier=fe,team=a")));
        Assert.False(selector.Matches(Labels("app=web,tier=fe,team=a,canary=1")));
        Assert.False(selector.Matches(Labels("app=web,tier=fe,team=a,env=prod")));
        Assert.False(selector.Matches(Labels("app=web,tier=fe")));
        Assert.False(selector.Matches(Labels("app=db,tier=fe,team=a")));
    }

    [Fact]
    public void TryFromJson_UnknownOperator_FailsWithTheRealServersMessage()
    {
        var ok = LabelSelector.TryFromJson(Obj("""{"matchExpressions":[{"key":"a","operator":"Gt","values":["1"]}]}"""), out _, out var error);

        Assert.False(ok);
        Assert.Equal("\"Gt\" is not a valid label selector operator", error);
    }

    [Fact]
    public void TryFromJson_InWithoutValues_Fails()
    {
        var ok = LabelSelector.TryFromJson(Obj("""{"matchExpressions":[{"key":"a","operator":"In"}]}"""), out _, out var error);

        Assert.False(ok);
        Assert.Equal("values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty", error);
    }

    [Fact]
    public void FromJson_InvalidSelector_Throws()
    {
        Assert.Throws<FormatException>(() => LabelSelector.FromJson(Obj("""{"matchLabels":{"bad key":"x"}}""")));
    }

    [Fact]
    public void FromJson_NullOrEmpty_SelectsNothingOrEverything()
    {
        var nothing = LabelSelector.FromJson(null);
        var everything = LabelSelector.FromJson(Obj("{}"));

        Assert.False(nothing.Matches(Labels("a=1")));
        Assert.False(nothing.IsEmpty);
        Assert.True(everything.Matches(Labels("a=1")));
        Assert.True(everything.IsEmpty);
    }

    [Fact]
    public void MatchesObject_ReadsMetadataLabels()
    {
        LabelSelector.TryParse("app=web", out var selector, out _);

        Assert.True(selector.MatchesObject(Obj("""{"metadata":{"labels":{"app":"web"}}}""")));
        Assert.False(selector.MatchesObject(Obj("""{"metadata":{}}""")));
    }

    private static Dictionary<string, string> Labels(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);

    private static JsonObject LabelsJson(string text) =>
        new(Labels(text).Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)JsonValue.Create(kv.Value))));

    private static JsonObject Obj(string json) => JsonNode.Parse(json)?.AsObject() ?? throw new ArgumentException(json);
}
