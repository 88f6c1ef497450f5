using static SuperKube.Validation.Tests.TestObjects;

namespace SuperKube.Validation.Tests;

public sealed class LabelSelectorValidatorTests
{
    [Fact]
    public void Validate_ValidSelector_NoErrors() =>
        Assert.Empty(LabelSelectorValidator.Validate(
            Obj("""{"matchLabels":{"app":"web"},"matchExpressions":[{"key":"tier","operator":"NotIn","values":["db"]},{"key":"x","operator":"Exists"}]}"""),
            "spec.selector"));

    [Fact]
    public void Validate_EachProblem_ReportedAtItsPath()
    {
        var selector = Obj("""
            {"matchLabels":{"app":"-web"},
             "matchExpressions":[{"key":"a","operator":"Exists","values":["x"]},{"key":"bad key","operator":"In","values":["-v"]}]}
            """);

        var lines = Lines(LabelSelectorValidator.Validate(selector, "spec.selector")).Split('\n');

        Assert.StartsWith("spec.selector.matchLabels: Invalid value: \"-web\": a valid label must be", lines[0]);
        Assert.Equal("spec.selector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'", lines[1]);
        Assert.StartsWith("spec.selector.matchExpressions[1].key: Invalid value: \"bad key\": name part must consist of", lines[2]);
        Assert.StartsWith("spec.selector.matchExpressions[1].values[0]: Invalid value: \"-v\": a valid label must be", lines[3]);
        Assert.Equal(4, lines.Length);
    }

    [Theory]
    [InlineData("{}", true)]
    [InlineData("""{"matchLabels":{}}""", true)]
    [InlineData("""{"matchLabels":{"a":"b"}}""", false)]
    public void IsEmpty_NoLabelsNorExpressions(string json, bool expected) => Assert.Equal(expected, LabelSelectorValidator.IsEmpty(Obj(json)));
}
