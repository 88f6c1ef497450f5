using System.Text.Json.Nodes;

namespace SuperKube.Tables.Tests;

public class HumanDurationTests
{
    [Theory]
    [InlineData(0, "0s")]
    [InlineData(59, "59s")]
    [InlineData(119, "119s")]
    [InlineData(120, "2m")]
    [InlineData(5 * 60 + 30, "5m30s")]
    [InlineData(9 * 60 + 59, "9m59s")]
    [InlineData(10 * 60, "10m")]
    [InlineData(10 * 60 + 59, "10m")]
    [InlineData(2 * 3600 + 59 * 60, "179m")]
    [InlineData(3 * 3600, "3h")]
    [InlineData(3 * 3600 + 5 * 60 + 59, "3h5m")]
    [InlineData(7 * 3600 + 59 * 60, "7h59m")]
    [InlineData(8 * 3600, "8h")]
    [InlineData(8 * 3600 + 59 * 60, "8h")]
    [InlineData(47 * 3600, "47h")]
    [InlineData(48 * 3600, "2d")]
    [InlineData(2 * 86400 + 5 * 3600, "2d5h")]
    [InlineData(7 * 86400 + 23 * 3600, "7d23h")]
    [InlineData(8 * 86400, "8d")]
    [InlineData(729 * 86400, "729d")]
    [InlineData(730 * 86400, "2y")]
    [InlineData(800 * 86400, "2y70d")]
    [InlineData(2919L * 86400, "7y364d")]
    [InlineData(2920L * 86400, "8y")]
    [InlineData(3700L * 86400, "10y")]
    [InlineData(-1, "0s")]
    [InlineData(-2, "<invalid>")]
    public void Format_Duration_MatchesApimachineryBands(long seconds, string expected)
    {
        var text = HumanDuration.Format(TimeSpan.FromSeconds(seconds));

        Assert.Equal(expected, text);
    }

    [Fact]
    public void Format_FractionalSeconds_Truncates()
    {
        Assert.Equal("2m59s", HumanDuration.Format(TimeSpan.FromSeconds(179.9)));
        Assert.Equal("0s", HumanDuration.Format(TimeSpan.FromSeconds(-1.9)));
    }

    [Fact]
    public void Age_Rfc3339Timestamp_FormatsElapsedTime()
    {
        var age = HumanDuration.Age(JsonValue.Create("2025-01-01T11:55:00Z"), TableTestData.Now);

        Assert.Equal("5m", age);
    }

    [Fact]
    public void Age_FractionalAndOffsetTimestamp_Parses()
    {
        Assert.Equal("89s", HumanDuration.Age(JsonValue.Create("2025-01-01T11:58:30.123456Z"), TableTestData.Now));
        Assert.Equal("4h", HumanDuration.Age(JsonValue.Create("2025-01-01T09:00:00+01:00"), TableTestData.Now));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("\"\"")]
    [InlineData("\"not a time\"")]
    [InlineData("42")]
    public void Age_UnsetOrInvalid_IsUnknown(string? json)
    {
        var node = json is null ? null : JsonNode.Parse(json);

        Assert.Equal("<unknown>", HumanDuration.Age(node, TableTestData.Now));
    }
}
