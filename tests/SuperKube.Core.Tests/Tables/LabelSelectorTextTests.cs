using System.Text.Json.Nodes;

namespace SuperKube.Tables.Tests;

public class LabelSelectorTextTests
{
    [Fact]
    public void Selector_LabelsAndExpressions_SortedByKeyWithSortedValues()
    {
        var selector = JsonNode.Parse("""
            {"matchLabels":{"tier":"web","app":"shop"},
             "matchExpressions":[{"key":"env","operator":"In","values":["prod","dev"]},
                                 {"key":"zone","operator":"NotIn","values":["b"]},
                                 {"key":"canary","operator":"Exists"},
                                 {"key":"legacy","operator":"DoesNotExist"}]}
            """);

        var text = LabelSelectorText.Selector(selector);

        Assert.Equal("app=shop,canary,env in (dev,prod),!legacy,tier=web,zone notin (b)", text);
    }

    [Fact]
    public void Selector_EmptyOrMissing_IsNone()
    {
        Assert.Equal("<none>", LabelSelectorText.Selector(null));
        Assert.Equal("<none>", LabelSelectorText.Selector(JsonNode.Parse("{}")));
        Assert.Equal("", LabelSelectorText.SelectorOrEmpty(null));
    }

    [Fact]
    public void Selector_InvalidOperator_IsError()
    {
        var selector = JsonNode.Parse("""{"matchExpressions":[{"key":"a","operator":"Near","values":["x"]}]}""");

        Assert.Equal("<error>", LabelSelectorText.Selector(selector));
        Assert.Equal("<invalid>", LabelSelectorText.SelectorOrEmpty(selector));
    }

    [Fact]
    public void Labels_Map_SortedPairsOrNone()
    {
        Assert.Equal("a=1,b=2", LabelSelectorText.Labels(JsonNode.Parse("""{"b":"2","a":"1"}""")));
        Assert.Equal("<none>", LabelSelectorText.Labels(JsonNode.Parse("{}")));
    }
}
