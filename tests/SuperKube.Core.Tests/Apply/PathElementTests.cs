namespace SuperKube.Apply.Tests;

public sealed class PathElementTests
{
    [Theory]
    [InlineData("f:replicas", ".replicas")]
    [InlineData("k:{\"name\":\"nginx\"}", "[name=\"nginx\"]")]
    [InlineData("k:{\"containerPort\":80,\"protocol\":\"TCP\"}", "[containerPort=80,protocol=\"TCP\"]")]
    [InlineData("v:\"finalizer.example.com\"", "[=\"finalizer.example.com\"]")]
    [InlineData("i:3", "[3]")]
    public void Describe_Element_PrintsFieldPathNotation(string element, string expected)
    {
        Assert.Equal(expected, PathElement.Describe(element));
    }

    [Fact]
    public void Value_NonAsciiAndHtmlCharacters_AreNotEscaped()
    {
        Assert.Equal("v:\"a+b<c>é\"", PathElement.Value(System.Text.Json.Nodes.JsonValue.Create("a+b<c>é")));
    }

    [Fact]
    public void Compare_Indices_OrderNumerically()
    {
        Assert.True(PathElement.Compare("i:2", "i:10") < 0);
        Assert.True(PathElement.Compare(".", "f:a") < 0);
        Assert.True(PathElement.Compare("f:z", "k:{}") < 0);
    }
}
