using System.Text.Json;
using SuperKube.Model.Apps;

namespace SuperKube.Model.Tests;

public class IntOrStringTests
{
    [Theory]
    [InlineData("""{"maxUnavailable":"25%","maxSurge":1}""")]
    [InlineData("""{"maxUnavailable":0,"maxSurge":"2"}""")]
    public void RoundTrip_NumberOrString_KeepsTheJsonType(string json)
    {
        var value = JsonSerializer.Deserialize(json, ModelJsonContext.Default.RollingUpdateDeployment);

        Assert.Equal(json, JsonSerializer.Serialize(value, ModelJsonContext.Default.RollingUpdateDeployment));
    }

    [Fact]
    public void Deserialize_Boolean_Throws()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"maxSurge":true}""", ModelJsonContext.Default.RollingUpdateDeployment));
    }

    [Theory]
    [InlineData("25%", 10, true, 3)]
    [InlineData("25%", 10, false, 2)]
    [InlineData("100%", 7, false, 7)]
    [InlineData("0%", 7, true, 0)]
    public void GetScaledValue_Percentage_RoundsAsAsked(string value, int total, bool roundUp, int expected)
    {
        Assert.Equal(expected, new IntOrString(value).GetScaledValue(total, roundUp));
    }

    [Fact]
    public void GetScaledValue_Integer_ReturnsIt()
    {
        IntOrString value = 4;

        Assert.Equal(4, value.GetScaledValue(100, roundUp: true));
    }

    [Fact]
    public void GetScaledValue_NonPercentageString_Throws()
    {
        Assert.Throws<FormatException>(() => new IntOrString("abc").GetScaledValue(10, roundUp: true));
    }

    [Fact]
    public void Equality_DistinguishesIntegerFromItsString()
    {
        Assert.Equal(new IntOrString(80), (IntOrString)80);
        Assert.NotEqual(new IntOrString(80), new IntOrString("80"));
        Assert.Equal("80", new IntOrString(80).ToString());
        Assert.True(new IntOrString("http").IsString);
        Assert.Equal(default, new IntOrString(0));
    }
}
